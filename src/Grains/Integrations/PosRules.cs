using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>What a POS sale must hold before any of it is applied or queued.</summary>
internal static class PosRules
{
    public const int MaxSalesPerRequest = 1000;
    public const int MaxModifiers = 20;

    public static void Check(PosSale sale, DateTime now)
    {
        var violations = new Violations()
            .Required("transactionId", sale.TransactionId, 128)
            .Required("locationId", sale.LocationId)
            .OccurredAt(sale.Timestamp, now);
        var items = sale.Items ?? [];
        violations
            .When(items.Count == 0, "items", "items must hold at least one line.")
            .When(items.Count > StockRules.MaxLines, "items", $"items may hold at most {StockRules.MaxLines} lines.");
        for (var i = 0; i < Math.Min(items.Count, StockRules.MaxLines); i++)
        {
            var item = items[i];
            var at = $"items[{i}]";
            if (item is null)
            {
                violations.Add(at, $"{at} is empty.");
                continue;
            }

            violations
                .When(string.IsNullOrWhiteSpace(item.Sku) && string.IsNullOrWhiteSpace(item.Barcode) && string.IsNullOrWhiteSpace(item.ItemId), $"{at}.sku", $"{at} needs a sku, a barcode or the POS's itemId.")
                .MaxLength($"{at}.itemId", item.ItemId, 128)
                .MaxLength($"{at}.name", item.Name)
                .When(item.Modifiers is { Count: > MaxModifiers }, $"{at}.modifiers", $"{at}.modifiers may hold at most {MaxModifiers}.")
                .When(item.Modifiers?.Any(m => m is null || string.IsNullOrWhiteSpace(m.Id) || m.Id.Length > 128) == true, $"{at}.modifiers", $"Each of {at}.modifiers needs an id of up to 128 characters.")
                .MaxLength($"{at}.sku", item.Sku, 64)
                .When(!string.IsNullOrWhiteSpace(item.Barcode) && !Gtin.Parse(item.Barcode).IsValid, $"{at}.barcode", $"{at}.barcode is not a valid GTIN.")
                .Required($"{at}.quantity", item.Quantity)
                .MovedQuantity($"{at}.quantity", item.Quantity)
                .Money($"{at}.price", item.Price);
        }

        violations.ThrowIfAny();
    }
}
