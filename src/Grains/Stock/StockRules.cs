namespace InventoryProFlow.Grains.Stock;

/// <summary>Bounds on stock figures: a bottle count beyond these is a typo, not a delivery.</summary>
internal static class StockRules
{
    public const int MaxQuantity = 100_000;
    public const int MaxLines = 500;
    public static readonly TimeSpan FutureTolerance = TimeSpan.FromMinutes(5);
}
