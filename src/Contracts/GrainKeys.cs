using System.IO.Hashing;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Contracts;

/// <summary>
/// Builds and parses every grain key, so a key's shape is decided in one place.
/// Keys are readable strings: a prefix naming the grain type, then the ids it is made of.
/// </summary>
public static class GrainKeys
{
    public const string IdentityKey = "identity";
    public const string HealthKey = "health";
    public const string HubDirectoryKey = "hubs";

    // Enough shards that an organisation's movements run side by side on every core; each is one small activation.
    public const int MovementShards = 16;

    public static string Organization(Guid organizationId) => $"org/{organizationId:D}";

    public static string Location(Guid organizationId, Guid locationId) => $"location/{organizationId:D}/{locationId:D}";

    public static string Catalogue(Guid organizationId) => $"catalogue/{organizationId:D}";

    public static string Menu(Guid organizationId) => $"menu/{organizationId:D}";

    public static string Counting(Guid organizationId) => $"counting/{organizationId:D}";

    public static string Variance(Guid organizationId) => $"variance/{organizationId:D}";

    public static string CountSession(Guid organizationId, Guid sessionId) => $"count-session/{organizationId:D}/{sessionId:D}";

    public static string ProductAtLocation(Guid organizationId, Guid locationId, Guid productId) =>
        $"stock/{organizationId:D}/{locationId:D}/{productId:D}";

    public static string LocationStock(Guid organizationId, Guid locationId) => $"location-stock/{organizationId:D}/{locationId:D}";

    public static string Inventory(Guid organizationId) => $"inventory/{organizationId:D}";

    /// <summary>
    /// The movements of one shard of an organisation's idempotency keys: a key always lands on the same shard
    /// (a stable hash, the same on every node), so its replays meet its first request. A movement without a key
    /// can never be replayed and goes to any shard.
    /// </summary>
    /// <remarks>
    /// A movement at one location (a sale, a receipt, a count) is handled by a shard of that location's, placed with its
    /// stock; one that spans two (a transfer) by a shard of the organisation's. A key's replays carry the same order, so
    /// they meet in the same shard; a replay whose body names another location is a conflict found at its commit.
    /// </remarks>
    public static string Movements(Guid organizationId, MovementOrder order, MovementKey? key)
    {
        var shard = key is null ? Random.Shared.Next(MovementShards) : MovementShard(key);
        return order is { LocationId: { } location, ToLocationId: null }
            ? $"movements/{organizationId:D}/{location:D}/{shard}"
            : $"movements/{organizationId:D}/{shard}";
    }

    public static Guid ParseMovements(string key)
    {
        var parts = key.Split('/');
        return parts is ["movements", _, _] or ["movements", _, _, _]
            ? Guid.Parse(parts[1])
            : throw new FormatException($"Grain key '{key}' is not a 'movements' key.");
    }

    /// <summary>
    /// What a location-placed grain is placed by: the location id when its key names one after the organisation
    /// (<c>prefix/{organisation}/{location}/...</c>), else the whole key (an organisation's movement shard, spread by it).
    /// </summary>
    public static string PlacementAnchor(string key)
    {
        var parts = key.Split('/', 4);
        return parts.Length >= 3 && Guid.TryParse(parts[2], out var location) ? location.ToString("D") : key;
    }

    private static int MovementShard(MovementKey key) =>
        (int)(XxHash32.HashToUInt32(Encoding.UTF8.GetBytes($"{key.Scope}/{key.Key}")) % MovementShards);

    public static string Integrations(Guid organizationId) => $"integrations/{organizationId:D}";

    public static Guid ParseIntegrations(string key) => ParseIds(key, "integrations", 1)[0];

    /// <summary>An integration's API key, by its SHA-256 (hex): the key itself is never a grain key.</summary>
    public static string IntegrationKey(string apiKeyHash) => $"integration-key/{apiKeyHash}";

    public static string ParseIntegrationKey(string key) => key.StartsWith("integration-key/", StringComparison.Ordinal)
        ? key["integration-key/".Length..]
        : throw new FormatException($"Grain key '{key}' is not an 'integration-key' key.");

    public static string UnmappedItem(Guid organizationId, Guid unmappedItemId) => $"unmapped/{organizationId:D}/{unmappedItemId:D}";

    public static (Guid OrganizationId, Guid UnmappedItemId) ParseUnmappedItem(string key)
    {
        var ids = ParseIds(key, "unmapped", 2);
        return (ids[0], ids[1]);
    }

    public static string OrganizationGate(Guid organizationId) => $"gate/{organizationId:D}";

    /// <summary>The POS sale lines of one organisation this minute.</summary>
    public static string PosLines(Guid organizationId) => $"pos-lines/{organizationId:D}";

    public static Guid ParsePosLines(string key) => ParseIds(key, "pos-lines", 1)[0];

    public static Guid ParseOrganizationGate(string key) => ParseIds(key, "gate", 1)[0];

    /// <summary>
    /// The attempts at a limited route from one client: an IPv4 address, or an IPv6 /56, since ISPs commonly hand one
    /// subscriber a /56 (RIPE-690 advises a /56 or a /48), and per address, or per /64, it could take a fresh one at every attempt.
    /// </summary>
    public static string AttemptsByClient(string route, IPAddress? client) => $"attempts/{route}/client/{ClientBlock(client)}";

    /// <summary>How many leading bits of an IPv6 client address name one subscriber for the sign-in limits.</summary>
    public const int SubscriberPrefixLength = 56;

    /// <summary>The attempts at a limited route naming one account: by its email's SHA-256, so the key is short and names no one.</summary>
    public static string AttemptsByAccount(string route, string email) =>
        $"attempts/{route}/account/{Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())))}";

    private static string ClientBlock(IPAddress? client)
    {
        if (client is null)
        {
            return "unknown";
        }

        if (client.IsIPv4MappedToIPv6 || client.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return client.MapToIPv4().ToString();
        }

        var bytes = client.GetAddressBytes();
        Array.Clear(bytes, SubscriberPrefixLength / 8, 16 - (SubscriberPrefixLength / 8));
        return new IPAddress(bytes) + "/" + SubscriberPrefixLength;
    }

    public static string Webhooks(Guid organizationId) => $"webhooks/{organizationId:D}";

    /// <summary>An organisation's heavy requests (exports, report scans, verifications, imports) this minute.</summary>
    public static string HeavyRequests(Guid organizationId) => $"heavy/{organizationId:D}";

    /// <summary>The manual redeliveries of one webhook this minute.</summary>
    public static string Redeliveries(Guid organizationId, Guid webhookId) => $"redeliveries/{organizationId:D}/{webhookId:D}";

    public static string Analytics(Guid organizationId) => $"analytics/{organizationId:D}";

    public static Guid ParseAnalytics(string key) => ParseIds(key, "analytics", 1)[0];

    public static string Forecast(Guid organizationId) => $"forecast/{organizationId:D}";

    public static Guid ParseForecast(string key) => ParseIds(key, "forecast", 1)[0];

    public static string Compliance(Guid organizationId) => $"compliance/{organizationId:D}";

    public static Guid ParseCompliance(string key) => ParseIds(key, "compliance", 1)[0];

    public static string Notifications(Guid organizationId) => $"notifications/{organizationId:D}";

    public static Guid ParseNotifications(string key) => ParseIds(key, "notifications", 1)[0];

    public static string ComplianceReports(Guid organizationId) => $"compliance-reports/{organizationId:D}";

    public static Guid ParseComplianceReports(string key) => ParseIds(key, "compliance-reports", 1)[0];

    /// <summary>The periods closed to new movements at one location: those of its filed reports not reopened.</summary>
    public static string FiledPeriods(Guid organizationId, Guid locationId) => $"filed-periods/{organizationId:D}/{locationId:D}";

    public static (Guid OrganizationId, Guid LocationId) ParseFiledPeriods(string key)
    {
        var ids = ParseIds(key, "filed-periods", 2);
        return (ids[0], ids[1]);
    }

    public static string FederalRecords(Guid organizationId) => $"federal-records/{organizationId:D}";

    public static Guid ParseFederalRecords(string key) => ParseIds(key, "federal-records", 1)[0];

    public static Guid ParseWebhooks(string key) => ParseIds(key, "webhooks", 1)[0];

    public static string Audit(Guid organizationId) => $"audit/{organizationId:D}";

    public static Guid ParseAudit(string key) => ParseIds(key, "audit", 1)[0];

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

    public static Guid ParseOrganization(string key) => ParseIds(key, "org", 1)[0];

    public static (Guid OrganizationId, Guid LocationId) ParseLocation(string key)
    {
        var ids = ParseIds(key, "location", 2);
        return (ids[0], ids[1]);
    }

    public static Guid ParseCatalogue(string key) => ParseIds(key, "catalogue", 1)[0];

    public static Guid ParseMenu(string key) => ParseIds(key, "menu", 1)[0];

    public static Guid ParseCounting(string key) => ParseIds(key, "counting", 1)[0];

    public static Guid ParseVariance(string key) => ParseIds(key, "variance", 1)[0];

    public static (Guid OrganizationId, Guid SessionId) ParseCountSession(string key)
    {
        var ids = ParseIds(key, "count-session", 2);
        return (ids[0], ids[1]);
    }

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
