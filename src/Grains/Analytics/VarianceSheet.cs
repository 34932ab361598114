using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>
/// One product's stock flows between two counts, read from the ledger with signs that read as positive: opening and
/// closing are what the ledger held at each snapshot (so, for a counted product, what was counted).
/// </summary>
public sealed record ProductFlows(
    Guid ProductId, string Sku, string Name, string Category, string Unit, decimal? SizeMl, decimal Cost, decimal Price,
    Measure Opening, Measure Received, Measure TransfersIn, Measure TransfersOut, Measure Adjustments,
    Measure Sold, Measure Wasted, Measure Comped, Measure Closing, bool CountedAtClose);

/// <summary>The variance arithmetic, with no I/O: per product, then by category and in total.</summary>
public static class VarianceSheet
{
    public const string Method =
        "Between two completed count sessions of a location: actual usage = opening count + received + transfers in - transfers out + " +
        "adjustments - closing count; theoretical usage = what the POS sold (recipes and pours by volume); variance = actual - theoretical, " +
        "positive when more left the shelf than was sold; unexplained = variance - waste - comps. Variance % is of theoretical usage. " +
        "Money is at the product's current cost and price: by volume for liquids (millilitres / size), by units otherwise, to the cent.";

    public static ProductVariance Product(ProductFlows f)
    {
        var actual = f.Opening.Plus(f.Received).Plus(f.TransfersIn).Minus(f.TransfersOut).Plus(f.Adjustments).Minus(f.Closing);
        var variance = actual.Minus(f.Sold);
        var unexplained = variance.Minus(f.Wasted).Minus(f.Comped);
        var theoretical = f.SizeMl is null ? f.Sold.Quantity : f.Sold.VolumeMl ?? 0;
        var varied = f.SizeMl is null ? variance.Quantity : variance.VolumeMl ?? 0;
        return new ProductVariance(
            f.ProductId, f.Sku, f.Name, f.Category, f.Unit, f.SizeMl,
            Usage(f.Opening), Usage(f.Received), Usage(f.TransfersIn), Usage(f.TransfersOut), Usage(f.Adjustments), Usage(f.Closing),
            Usage(actual), Usage(f.Sold), Usage(f.Wasted), Usage(f.Comped),
            Amount(variance, f), Percent(varied, theoretical), Amount(unexplained, f), f.CountedAtClose);
    }

    public static CategoryVariance Total(string category, IReadOnlyCollection<ProductVariance> products)
    {
        var liquids = products.Where(p => p.SizeMl is not null).ToList();
        var actualMl = liquids.Count == 0 ? (decimal?)null : liquids.Sum(p => p.ActualUsage.Ml ?? 0);
        var theoreticalMl = liquids.Count == 0 ? (decimal?)null : liquids.Sum(p => p.TheoreticalUsage.Ml ?? 0);
        return new CategoryVariance(
            category, actualMl, theoreticalMl, Sum(products.Select(p => p.Variance).ToList()),
            Percent(liquids.Sum(p => p.Variance.Ml ?? 0), theoreticalMl ?? 0), Sum(products.Select(p => p.Unexplained).ToList()));
    }

    public static Usage Usage(Measure m) => new(m.Quantity, m.VolumeMl, Ounces(m.VolumeMl));

    private static VarianceAmount Amount(Measure m, ProductFlows f)
    {
        // A liquid's money follows what was poured (millilitres); a product counted as each, its units.
        var units = f.SizeMl is { } size ? (m.VolumeMl ?? 0) / size : m.Quantity;
        return new VarianceAmount(m.Quantity, m.VolumeMl, Ounces(m.VolumeMl), Cents(units * f.Cost), Cents(units * f.Price));
    }

    private static VarianceAmount Sum(IReadOnlyList<VarianceAmount> amounts)
    {
        var ml = amounts.Where(a => a.Ml is not null).Select(a => a.Ml!.Value).ToList();
        var totalMl = ml.Count == 0 ? (decimal?)null : ml.Sum();
        return new VarianceAmount(amounts.Sum(a => a.Units), totalMl, Ounces(totalMl), amounts.Sum(a => a.Cost), amounts.Sum(a => a.Retail));
    }

    private static decimal? Percent(decimal variance, decimal theoretical) =>
        theoretical == 0 ? null : decimal.Round(variance / theoretical * 100m, 1, MidpointRounding.AwayFromZero);

    private static decimal? Ounces(decimal? ml) => ml is { } v ? decimal.Round(v / Container.MlPerFluidOunce, 2, MidpointRounding.AwayFromZero) : null;

    private static decimal Cents(decimal money) => decimal.Round(money, 2, MidpointRounding.AwayFromZero);

    private static Measure Plus(this Measure a, Measure b) => new(a.Quantity + b.Quantity, a.VolumeMl + b.VolumeMl);

    private static Measure Minus(this Measure a, Measure b) => new(a.Quantity - b.Quantity, a.VolumeMl - b.VolumeMl);
}
