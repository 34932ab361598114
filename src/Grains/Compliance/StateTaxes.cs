using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>The state taxes on a report's gross receipts, as the location's state and licence types configure them.</summary>
public static class StateTaxes
{
    public static IReadOnlyList<StateTaxEstimate> Estimate(string? state, IReadOnlyList<string> licenceTypes, decimal grossReceipts, ReportPeriod period)
    {
        var rule = StateRuleBook.Embedded.For(state);
        // A location with two licences that both owe a tax still owes it once.
        return licenceTypes
            .SelectMany(rule.TaxesFor)
            .DistinctBy(t => t.Filing.Form)
            .Select(t => new StateTaxEstimate(
                t.Filing.Title, t.Filing.Authority, t.Rate, grossReceipts, GrossReceiptsTax.On(grossReceipts, t), t.Filing.Due.For(period.End), t.Filing.Due.Describe(t.Filing.Frequency)))
            .ToList();
    }
}
