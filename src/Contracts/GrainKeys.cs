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
