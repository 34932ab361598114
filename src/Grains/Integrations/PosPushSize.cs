using InventoryProFlow.Contracts.Integrations;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>What a POS push costs against its line allowance: its sale lines, a sale with none counting as one.</summary>
public static class PosPushSize
{
    /// <summary>The push's lines; null when it holds no sale or more than a push may (it is refused whole, and costs nothing).</summary>
    public static int? Lines(IReadOnlyList<PosSale?> sales) =>
        sales.Count is 0 or > PosRules.MaxSalesPerRequest ? null : sales.Sum(s => Math.Max(s?.Items?.Count ?? 0, 1));
}
