using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Menu;

/// <summary>The sale lines of one POS line that named a POS item: a line per product it pours, with the drink's money shared among them.</summary>
internal static class DepletionLines
{
    /// <summary>
    /// A line per product; the POS line's money (price x quantity) is shared by volume among what is poured by volume
    /// (by units when nothing is), to the cent, the last cent going to the largest pour, so the rows sum to what the till took.
    /// </summary>
    public static IReadOnlyList<MovementLine> Of(IReadOnlyList<Depletion> depletion, decimal? price, decimal quantity)
    {
        var byVolume = depletion.Any(d => d.VolumeMl is not null);
        var weights = depletion.Select(d => byVolume ? d.VolumeMl ?? 0m : d.Quantity ?? 0m).ToList();
        var amounts = price is { } unit ? Shares(decimal.Round(unit * quantity, 2, MidpointRounding.AwayFromZero), weights) : null;
        return depletion.Select((d, i) => new MovementLine(d.ProductId, Quantity: d.Quantity, VolumeMl: d.VolumeMl, Amount: amounts?[i])).ToList();
    }

    private static decimal[] Shares(decimal amount, IReadOnlyList<decimal> weights)
    {
        var total = weights.Sum();
        var shares = weights.Select(w => total == 0 ? 0m : decimal.Round(amount * w / total, 2, MidpointRounding.ToZero)).ToArray();
        if (shares.Length > 0)
        {
            var largest = total == 0 ? 0 : weights.Select((w, i) => (w, i)).MaxBy(x => x.w).i;
            shares[largest] += amount - shares.Sum();
        }

        return shares;
    }
}
