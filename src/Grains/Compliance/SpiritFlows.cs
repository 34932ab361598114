namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// One kind of spirits' stock and movements over a month in exact proof gallons, as the ledger gives them.
/// Closing = opening + received + produced + gains - removed taxpaid - losses - transferred out.
/// </summary>
public sealed record SpiritFlows(
    decimal OpeningOnHand,
    decimal Received,
    decimal Produced,
    decimal Gains,
    decimal RemovedTaxpaid,
    decimal Losses,
    decimal TransferredOut,
    decimal ClosingOnHand)
{
    public static SpiritFlows Zero { get; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    public SpiritFlows Plus(SpiritFlows other) => new(
        OpeningOnHand + other.OpeningOnHand,
        Received + other.Received,
        Produced + other.Produced,
        Gains + other.Gains,
        RemovedTaxpaid + other.RemovedTaxpaid,
        Losses + other.Losses,
        TransferredOut + other.TransferredOut,
        ClosingOnHand + other.ClosingOnHand);
}
