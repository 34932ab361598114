namespace InventoryProFlow.Grains.Compliance;

/// <summary>A state tax on gross receipts, by the state's rule: rate times receipts, taken to the cent as the state does.</summary>
public static class GrossReceiptsTax
{
    /// <summary>The tax on one period's <paramref name="receipts"/>; a negative total (refunds) gives a negative tax.</summary>
    public static decimal On(decimal receipts, GrossReceiptsTaxRule rule) =>
        decimal.Round(receipts * rule.Rate, 2, rule.Rounding switch
        {
            TaxRounding.HalfAwayFromZero => MidpointRounding.AwayFromZero,
            TaxRounding.ToZero => MidpointRounding.ToZero,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Rounding, null),
        });
}
