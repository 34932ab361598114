namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>What the trees learn: a week's demand in units of the series' level.</summary>
internal static class DemandTarget
{
    // Kept linear on purpose: log and square-root targets cut the absolute error but forecast a third to a
    // half below actual demand (docs/FORECASTING.md), which empties shelves.
    public static float ToLabel(double quantity, double level) => (float)(quantity / level);

    public static double ToQuantity(float score, double level) => Math.Max(0, score) * level;
}
