using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Live;

/// <summary>The live events of a committed change, built from what its commit wrote.</summary>
internal static class LiveEventsOf
{
    /// <summary>A movement: its stock after, the sale (if it is one) and the low-stock alerts it raised.</summary>
    public static LiveEvents Movement(Guid organizationId, MovementReceipt receipt, Guid? by)
    {
        var skus = receipt.Entries.GroupBy(e => e.ProductId).ToDictionary(g => g.Key, g => g.First().Sku);
        var inventory = receipt.Stock.Select(s => new InventoryUpdated(s.ProductId, s.LocationId, s.Quantity, by, receipt.RecordedAt)).ToList();
        var lowStock = receipt.Alerts.Where(a => a is { Kind: StockAlertKinds.LowStock, Raised: true })
            .Select(a => new LowStockRaised(a.ProductId, a.LocationId, skus.GetValueOrDefault(a.ProductId, ""), a.Quantity, a.ParLevel, receipt.RecordedAt))
            .ToList();
        return new LiveEvents(organizationId, inventory, receipt.Type == MovementTypes.Sale ? Sale(receipt, by) : null, lowStock);
    }

    /// <summary>A change of one product-location alone (levels, stocking it): no ledger rows, maybe an alert.</summary>
    public static LiveEvents Alone(Guid organizationId, InventoryItem item, IEnumerable<AlertWrite> alerts, Guid? by, DateTime at) =>
        new(
            organizationId,
            [new InventoryUpdated(item.ProductId, item.LocationId, item.Quantity, by, at)],
            null,
            alerts.Where(a => a.Alert is { Kind: StockAlertKinds.LowStock, Raised: true })
                .Select(a => new LowStockRaised(item.ProductId, item.LocationId, item.Sku, a.Alert.Quantity, a.Alert.ParLevel, at))
                .ToList());

    private static SaleRecorded Sale(MovementReceipt receipt, Guid? by)
    {
        // A sale's ledger rows take stock out, so their quantities are negative; a sale line counts units sold.
        var lines = receipt.Entries
            .Select(e => new SaleLine(e.ProductId, e.Sku, -e.Quantity, e.UnitPrice, e.TotalAmount ?? 0m))
            .ToList();
        return new SaleRecorded(
            receipt.MovementId, receipt.Entries[0].LocationId, receipt.ReferenceId, receipt.OccurredAt, receipt.RecordedAt, by,
            lines, lines.Sum(l => l.Quantity), lines.Sum(l => l.Amount));
    }
}
