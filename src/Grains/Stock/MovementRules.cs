using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>What each movement type needs, and what each of its lines does to stock.</summary>
internal static class MovementRules
{
    public static IReadOnlyList<string> Types { get; } =
        [MovementTypes.Sale, MovementTypes.Purchase, MovementTypes.Transfer, MovementTypes.Adjustment, MovementTypes.Waste, MovementTypes.Comp];

    public static void Check(MovementOrder order, DateTime now)
    {
        var violations = new Violations()
            .OneOf("type", order.Type, Types)
            .Required("locationId", order.LocationId)
            .MaxLength("referenceId", order.ReferenceId, 128)
            .MaxLength("notes", order.Notes, 1000)
            .MaxLength("reason", order.Reason, 200)
            .OccurredAt(order.Timestamp, now);

        switch (order.Type)
        {
            case MovementTypes.Purchase:
                violations.Required("supplierId", order.SupplierId);
                break;
            case MovementTypes.Transfer:
                violations.Required("toLocationId", order.ToLocationId)
                    .When(order.ToLocationId is not null && order.ToLocationId == order.LocationId, "toLocationId", "toLocationId must differ from locationId.");
                break;
            case MovementTypes.Adjustment:
                violations.Required("direction", order.Direction, 16).OneOf("direction", order.Direction, ["increase", "decrease"]);
                break;
        }

        var items = order.Items ?? [];
        violations
            .When(items.Count == 0, "items", "items must hold at least one line.")
            .When(items.Count > StockRules.MaxLines, "items", $"items may hold at most {StockRules.MaxLines} lines.");
        for (var i = 0; i < Math.Min(items.Count, StockRules.MaxLines); i++)
        {
            var line = items[i];
            var at = $"items[{i}]";
            if (line is null)
            {
                violations.Add(at, $"{at} is empty.");
                continue;
            }

            violations
                .When(line.ProductId is null && string.IsNullOrWhiteSpace(line.Sku), $"{at}.productId", $"{at} needs a productId or a sku.")
                .Required($"{at}.quantity", line.Quantity)
                .MovedQuantity($"{at}.quantity", line.Quantity)
                .Money($"{at}.unitPrice", line.UnitPrice)
                .Money($"{at}.unitCost", line.UnitCost)
                .MaxLength($"{at}.reason", line.Reason, 200);
        }

        violations.ThrowIfAny();
    }

    /// <summary>The signed change a line makes at its location, and whether it may take stock below zero.</summary>
    public static (string LedgerType, decimal Delta, bool MayGoNegative) Effect(MovementOrder order, decimal quantity) => order.Type switch
    {
        // The POS already sold it: a sale is always recorded, even below zero (then flagged).
        MovementTypes.Sale => (MovementTypes.Sale, -quantity, true),
        MovementTypes.Purchase => (MovementTypes.Purchase, quantity, true),
        MovementTypes.Transfer => (MovementTypes.TransferOut, -quantity, false),
        MovementTypes.Adjustment => (MovementTypes.Adjustment, order.Direction == "decrease" ? -quantity : quantity, true),
        MovementTypes.Waste => (MovementTypes.Waste, -quantity, false),
        MovementTypes.Comp => (MovementTypes.Comp, -quantity, false),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Type, "Unknown movement type."),
    };
}
