using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>What each movement type needs, and what each of its lines does to stock.</summary>
internal static class MovementRules
{
    public static IReadOnlyList<string> Types { get; } =
        [MovementTypes.Sale, MovementTypes.Purchase, MovementTypes.Transfer, MovementTypes.Adjustment, MovementTypes.Waste, MovementTypes.Comp];

    public const int MaxCountedProducts = 5_000;

    public static void Check(MovementOrder order, DateTime now, bool recount = false)
    {
        var violations = new Violations()
            .OneOf("type", order.Type, recount ? [MovementTypes.Count] : Types)
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

        // A count session covers a whole location: as many lines as a bulk change.
        var maxLines = recount ? MaxCountedProducts : StockRules.MaxLines;
        var items = order.Items ?? [];
        violations
            .When(items.Count == 0, "items", "items must hold at least one line.")
            .When(items.Count > maxLines, "items", $"items may hold at most {maxLines} lines.");
        for (var i = 0; i < Math.Min(items.Count, maxLines); i++)
        {
            var line = items[i];
            var at = $"items[{i}]";
            if (line is null)
            {
                violations.Add(at, $"{at} is empty.");
                continue;
            }

            violations.When(line.ProductId is null && string.IsNullOrWhiteSpace(line.Sku), $"{at}.productId", $"{at} needs a productId or a sku.");
            if (recount)
            {
                // A session's count differences: signed, zero when the count agreed, with their volume beside them.
                violations.Required($"{at}.quantity", line.Quantity);
            }
            else
            {
                violations
                    .When(line.Quantity is null == line.VolumeMl is null, $"{at}.quantity", $"{at} needs a quantity, or a volumeMl for a pour (one of the two).")
                    .MovedQuantity($"{at}.quantity", line.Quantity)
                    .When(line.VolumeMl is <= 0 or > StockRules.MaxVolumeMl, $"{at}.volumeMl", $"{at}.volumeMl must be more than 0 and at most {StockRules.MaxVolumeMl}.")
                    .Decimals($"{at}.volumeMl", line.VolumeMl, Container.VolumeDecimals);
            }

            violations
                .Money($"{at}.amount", line.Amount)
                .Money($"{at}.unitPrice", line.UnitPrice)
                .Money($"{at}.unitCost", line.UnitCost)
                .MaxLength($"{at}.reason", line.Reason, 200);
        }

        violations.ThrowIfAny();
    }

    /// <summary>Which way a line moves stock at its location (+1 or -1), and whether it may take stock below zero.</summary>
    public static (string LedgerType, decimal Sign, bool MayGoNegative) Effect(MovementOrder order) => order.Type switch
    {
        // The POS already sold it: a sale is always recorded, even below zero (then flagged).
        MovementTypes.Sale => (MovementTypes.Sale, -1, true),
        MovementTypes.Purchase => (MovementTypes.Purchase, 1, true),
        MovementTypes.Transfer => (MovementTypes.TransferOut, -1, false),
        MovementTypes.Adjustment => (MovementTypes.Adjustment, order.Direction == "decrease" ? -1 : 1, true),
        MovementTypes.Waste => (MovementTypes.Waste, -1, false),
        MovementTypes.Comp => (MovementTypes.Comp, -1, false),
        MovementTypes.Count => (MovementTypes.Count, 1, true),
        _ => throw new ArgumentOutOfRangeException(nameof(order), order.Type, "Unknown movement type."),
    };
}
