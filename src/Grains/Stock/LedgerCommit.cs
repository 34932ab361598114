using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// Everything one movement writes, committed all or nothing: its ledger rows, the inventory rows they
/// move, the alerts they raise or clear, and the first answer to its idempotency key.
/// </summary>
public sealed record LedgerCommit(
    Guid OrganizationId,
    IReadOnlyList<LedgerEntry> Entries,
    IReadOnlyList<InventoryWrite> Inventory,
    IReadOnlyList<AlertWrite> Alerts,
    IdempotencyRecord? Key = null);

/// <summary>The first answer to an idempotency key, kept beside the movement it answers.</summary>
public sealed record IdempotencyRecord(string Scope, string Key, string RequestHash, int Status, string Response);
