namespace InventoryProFlow.Contracts;

/// <summary>
/// Builds and parses every grain key, so a key's shape is decided in one place.
/// Keys are readable strings: a prefix naming the grain type, then the ids it is made of.
/// </summary>
public static class GrainKeys
{
    public const string IdentityKey = "identity";
    public const string HealthKey = "health";

    public static string Organization(Guid organizationId) => $"org/{organizationId:D}";

    public static string Location(Guid organizationId, Guid locationId) => $"location/{organizationId:D}/{locationId:D}";

    public static string Catalogue(Guid organizationId) => $"catalogue/{organizationId:D}";

    public static string ProductAtLocation(Guid organizationId, Guid locationId, Guid productId) =>
        $"stock/{organizationId:D}/{locationId:D}/{productId:D}";

    public static string LocationStock(Guid organizationId, Guid locationId) => $"location-stock/{organizationId:D}/{locationId:D}";

    public static string Inventory(Guid organizationId) => $"inventory/{organizationId:D}";

    /// <summary>One movement, named by its idempotency key (a POS referenceId, an Idempotency-Key header, or a fresh id).</summary>
    public static string Movement(Guid organizationId, string scope, string idempotencyKey) =>
        $"movement/{organizationId:D}/{scope}/{idempotencyKey}";

    public static string BulkChange(Guid organizationId, string idempotencyKey) => $"bulk/{organizationId:D}/{idempotencyKey}";

    public static (Guid OrganizationId, string IdempotencyKey) ParseBulkChange(string key)
    {
        var parts = key.Split('/', 3);
        return parts.Length == 3 && parts[0] == "bulk"
            ? (Guid.Parse(parts[1]), parts[2])
            : throw new FormatException($"Grain key '{key}' is not a 'bulk' key.");
    }

    public static (Guid OrganizationId, Guid LocationId, Guid ProductId) ParseProductAtLocation(string key)
    {
        var ids = ParseIds(key, "stock", 3);
        return (ids[0], ids[1], ids[2]);
    }

    public static (Guid OrganizationId, Guid LocationId) ParseLocationStock(string key)
    {
        var ids = ParseIds(key, "location-stock", 2);
        return (ids[0], ids[1]);
    }

    public static Guid ParseInventory(string key) => ParseIds(key, "inventory", 1)[0];

    public static (Guid OrganizationId, string Scope, string IdempotencyKey) ParseMovement(string key)
    {
        var parts = key.Split('/', 4);
        if (parts.Length != 4 || parts[0] != "movement")
        {
            throw new FormatException($"Grain key '{key}' is not a 'movement' key.");
        }

        return (Guid.Parse(parts[1]), parts[2], parts[3]);
    }

    public static Guid ParseOrganization(string key) => ParseIds(key, "org", 1)[0];

    public static (Guid OrganizationId, Guid LocationId) ParseLocation(string key)
    {
        var ids = ParseIds(key, "location", 2);
        return (ids[0], ids[1]);
    }

    public static Guid ParseCatalogue(string key) => ParseIds(key, "catalogue", 1)[0];

    private static Guid[] ParseIds(string key, string prefix, int count)
    {
        var parts = key.Split('/');
        if (parts.Length != count + 1 || parts[0] != prefix)
        {
            throw new FormatException($"Grain key '{key}' is not a '{prefix}' key with {count} id(s).");
        }

        return parts.Skip(1).Select(Guid.Parse).ToArray();
    }
}
