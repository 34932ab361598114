using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// Everything one movement writes, committed all or nothing: its ledger rows, the inventory rows they
/// move, the alerts they raise or clear, the first answer to its idempotency key, its webhook events and, for a
/// change of an item's settings (its levels), the audit entry.
/// </summary>
public sealed record LedgerCommit(
    Guid OrganizationId,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<InventoryWrite> Inventory,
    IReadOnlyList<AlertWrite> Alerts,
    IdempotencyRecord? Key = null,
    IReadOnlyList<OutboxEvent>? Events = null,
    AuditedChange? Audit = null);

/// <summary>An event for the organisation's webhooks (if any subscribes to it), kept in the same commit and copied to each webhook after it.</summary>
public sealed record OutboxEvent(string Event, string Payload);

/// <summary>The first answer to an idempotency key, kept beside the movement it answers.</summary>
public sealed record IdempotencyRecord(string Scope, string Key, string RequestHash, int Status, string Response)
{
    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    public static string Hash(string request) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(request)));

    public static IdempotencyRecord Of<T>(string scope, string key, string requestHash, int status, T answer) =>
        new(scope, key, requestHash, status, JsonSerializer.Serialize(answer, Json));

    /// <summary>The first answer again, when the replay is the same request; a different request under the same key is a conflict.</summary>
    public T Replay<T>(string requestHash) =>
        RequestHash == requestHash
            ? JsonSerializer.Deserialize<T>(Response, Json)!
            : throw new ConflictException(ErrorCodes.IdempotencyConflict, $"The key '{Key}' was already used for a different request.");
}
