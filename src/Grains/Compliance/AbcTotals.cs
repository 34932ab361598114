using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>The totals row of an ABC report: every category's figures added up.</summary>
public static class AbcTotals
{
    public static AbcCategoryFigures Of(IReadOnlyList<AbcCategoryFigures> rows) => new(
        "total",
        rows.Sum(r => r.OpeningUnits),
        rows.Sum(r => r.PurchasedUnits),
        rows.Sum(r => r.SoldUnits),
        rows.Sum(r => r.WastedUnits),
        rows.Sum(r => r.CompedUnits),
        rows.Sum(r => r.AdjustedUnits),
        rows.Sum(r => r.TransferredInUnits),
        rows.Sum(r => r.TransferredOutUnits),
        rows.Sum(r => r.ClosingUnits),
        rows.Sum(r => r.OpeningLitres),
        rows.Sum(r => r.PurchasedLitres),
        rows.Sum(r => r.SoldLitres),
        rows.Sum(r => r.WastedLitres),
        rows.Sum(r => r.CompedLitres),
        rows.Sum(r => r.AdjustedLitres),
        rows.Sum(r => r.TransferredInLitres),
        rows.Sum(r => r.TransferredOutLitres),
        rows.Sum(r => r.ClosingLitres),
        rows.Sum(r => r.PurchasedAmount),
        rows.Sum(r => r.SoldAmount),
        rows.Sum(r => r.WastedAmount),
        rows.Sum(r => r.CompedAmount),
        rows.Sum(r => r.GrossReceipts));
}
