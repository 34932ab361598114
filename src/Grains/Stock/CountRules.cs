using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Stock;

/// <summary>What a count must say before it replaces the live figure, in each of the ways a bartender counts.</summary>
internal static class CountRules
{
    public const int MaxOpenContainers = 50;

    /// <summary>The count as one exact measure of the product, or VALIDATION_FAILED naming the part that is wrong.</summary>
    public static Measure Checked(StockCount count, Container container)
    {
        var open = count.Open ?? [];
        var violations = new Violations()
            .When(count.Quantity is null && count.Units is null && open.Count == 0, "quantity", "quantity is required (or units and open containers).")
            .When(count.Quantity is not null && (count.Units is not null || open.Count > 0), "quantity", "Give quantity, or units and open containers, not both.")
            .Range("quantity", count.Quantity, 0, StockRules.MaxQuantity)
            .Decimals("quantity", count.Quantity, Container.QuantityDecimals)
            .Range("units", count.Units, 0, StockRules.MaxQuantity)
            .Decimals("units", count.Units, 0)
            .When(open.Count > MaxOpenContainers, "open", $"open may hold at most {MaxOpenContainers} containers.");
        for (var i = 0; i < Math.Min(open.Count, MaxOpenContainers); i++)
        {
            Check(violations, $"open[{i}]", open[i], container);
        }

        violations.ThrowIfAny();
        return container.Counted(count);
    }

    private static void Check(Violations violations, string at, OpenContainer? open, Container container)
    {
        if (open is null)
        {
            violations.Add(at, $"{at} is empty.");
            return;
        }

        var given = new[] { open.Tenths, open.VolumeMl, open.VolumeOz, open.WeightG }.Count(v => v is not null);
        violations
            .When(given != 1, at, $"{at} needs exactly one of tenths, volumeMl, volumeOz or weightG.")
            .Range($"{at}.tenths", open.Tenths, 0, 10)
            .Decimals($"{at}.tenths", open.Tenths, 1)
            .When(!container.IsLiquid && (open.VolumeMl ?? open.VolumeOz ?? open.WeightG) is not null, at,
                $"{at}: a product counted as each has no volume or weight; count it in tenths.");
        if (!container.IsLiquid)
        {
            return;
        }

        var size = container.SizeMl!.Value;
        violations
            .Range($"{at}.volumeMl", open.VolumeMl, 0, size)
            .Decimals($"{at}.volumeMl", open.VolumeMl, Container.VolumeDecimals)
            .Range($"{at}.volumeOz", open.VolumeOz, 0, Math.Round(size / Container.MlPerFluidOunce, 2))
            .Decimals($"{at}.volumeOz", open.VolumeOz, 3)
            .Decimals($"{at}.weightG", open.WeightG, 2);
        if (open.WeightG is { } grams)
        {
            if (!container.CanWeigh)
            {
                violations.Add($"{at}.weightG", $"{at}.weightG needs the product's full and empty weights; set them on the product, or count in tenths.");
            }
            else if (grams < container.EmptyWeightG || grams > container.FullWeightG)
            {
                violations.Add($"{at}.weightG",
                    $"{at}.weightG must be between the empty bottle's {ShortestDecimal.Text(container.EmptyWeightG!.Value)} g and the full bottle's {ShortestDecimal.Text(container.FullWeightG!.Value)} g.");
            }
        }
    }
}
