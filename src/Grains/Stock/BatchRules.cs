using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>The shape of a bulk change: how many rows, and what each row must name.</summary>
internal static class BatchRules
{
    public const int MaxRows = 5_000;

    public static void Check(IReadOnlyList<BatchRow>? rows) =>
        new Violations()
            .When(rows is null || rows.Count == 0, "rows", "rows must hold at least one row.")
            .When(rows is { Count: > MaxRows }, "rows", $"rows may hold at most {MaxRows} rows; split the batch.")
            .ThrowIfAny();

    /// <summary>Why a row cannot be applied as written, or null.</summary>
    public static string? Problem(BatchRow? row) => row switch
    {
        null => "The row is empty.",
        { ItemId: null, LocationId: null } => "The row needs an itemId, or a locationId with a productId or sku.",
        { ItemId: null, ProductId: null, Sku: null } => "The row needs a productId or sku with its locationId.",
        { Count: null, Units: null, Open: null or { Count: 0 }, ParLevel: null, ReorderPoint: null } =>
            "The row has nothing to change: give a count (or units and open), parLevel or reorderPoint.",
        _ => null,
    };
}
