using System.Globalization;
using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// A month's TTB F 5110.40, 5110.11 and 5110.28 from each kind's exact flows. Our ledger has no production or bottling
/// of its own, so the mapping is stated on each form (docs/COMPLIANCE-RULES.md). Reported figures are proof gallons to
/// the tenth, midpoint away from zero; a figure the form cannot show (below zero) is reported as 0 with a warning.
/// </summary>
public static class TtbOperationsReports
{
    public const string Rounding =
        "Proof gallons are summed exactly from size_ml and abv, then each reported figure is rounded to the tenth (MidpointRounding.AwayFromZero); " +
        "totals are rounded from the exact sums, so they may differ by a tenth from the sum of the rounded lines. Figures below zero are reported as 0 with a warning.";

    public const string ProductionNote =
        "Produced = adjustment increases whose reason is 'production' (case-insensitive). The ledger records no fermenting or distilling, " +
        "so only that line of the form is filled.";

    public const string StorageNote =
        "Opening and closing on hand = the ledger's stock before and at the end of the month; received = purchases and transfers in; " +
        "produced = production adjustments; gains = other adjustment and count increases; removed taxpaid = sales and comps; " +
        "losses = waste and adjustment or count decreases; transferred out = transfers out. Transfers between two of the organisation's " +
        "locations appear both as received and as transferred out when all locations are reported.";

    public const string ProcessingNote =
        "Not modelled: the ledger has no processing operations (blending, bottling, denaturing), so every figure is zero. " +
        "A month with no activity still needs a report of zeros (27 CFR 19.632).";

    public static (TtbProductionForm Production, TtbStorageForm Storage, TtbProcessingForm Processing, IReadOnlyList<string> Warnings) Of(
        DateOnly monthStart, IReadOnlyDictionary<string, SpiritFlows> byKind)
    {
        var monthEnd = monthStart.AddMonths(1).AddDays(-1);
        var due = TtbDueDates.OperationsReport(monthEnd);
        var warnings = new List<string>();
        var flows = SpiritKinds.All.Select(k => (Kind: k, Flows: byKind.TryGetValue(k, out var f) ? f : SpiritFlows.Zero)).ToList();
        var total = flows.Aggregate(SpiritFlows.Zero, (sum, k) => sum.Plus(k.Flows));

        var storage = new TtbStorageForm(
            "TTB F 5110.11", "Monthly Report of Storage Operations", due, TtbDueDates.OperationsReportRule,
            flows.Select(k => StorageLine(k.Kind, k.Flows, warnings)).ToList(), StorageLine("total", total, null), StorageNote);
        var production = new TtbProductionForm(
            "TTB F 5110.40", "Monthly Report of Production Operations", due, TtbDueDates.OperationsReportRule,
            flows.Select(k => new TtbProductionLine(k.Kind, Figure(k.Kind, "produced", k.Flows.Produced, null))).ToList(),
            new TtbProductionLine("total", Figure("total", "produced", total.Produced, null)), ProductionNote);
        var zero = new TtbProofGallons(0m, 0m);
        var processing = new TtbProcessingForm(
            "TTB F 5110.28", "Monthly Report of Processing Operations", due, TtbDueDates.OperationsReportRule,
            SpiritKinds.All.Select(k => new TtbProcessingLine(k, zero, zero, zero)).ToList(), new TtbProcessingLine("total", zero, zero, zero), ProcessingNote);
        return (production, storage, processing, warnings);
    }

    /// <summary>The figure for the form: exact as the ledger says, reported to the tenth and never below zero.</summary>
    public static TtbProofGallons Figure(string kind, string line, decimal exact, List<string>? warnings)
    {
        if (exact >= 0m)
        {
            return new TtbProofGallons(exact, ProofGallons.ToTenth(exact));
        }

        warnings?.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{kind}: {line} is {decimal.Round(exact, 4, MidpointRounding.AwayFromZero)} proof gallons in the ledger (stock recorded below zero); reported as 0. Count the stock and correct the ledger."));
        return new TtbProofGallons(exact, 0m);
    }

    private static TtbStorageLine StorageLine(string kind, SpiritFlows f, List<string>? warnings) => new(
        kind,
        Figure(kind, "opening on hand", f.OpeningOnHand, warnings),
        Figure(kind, "received", f.Received, warnings),
        Figure(kind, "produced", f.Produced, warnings),
        Figure(kind, "gains", f.Gains, warnings),
        Figure(kind, "removed taxpaid", f.RemovedTaxpaid, warnings),
        Figure(kind, "losses", f.Losses, warnings),
        Figure(kind, "transferred out", f.TransferredOut, warnings),
        Figure(kind, "closing on hand", f.ClosingOnHand, warnings));
}
