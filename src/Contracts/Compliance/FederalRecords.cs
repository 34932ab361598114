using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Compliance;

/// <summary>The kinds of spirits the TTB's operations reports count proof gallons by, in the forms' order.</summary>
public static class SpiritKinds
{
    public const string Whisky = "whisky";
    public const string Brandy = "brandy";
    public const string Rum = "rum";
    public const string Gin = "gin";
    public const string Vodka = "vodka";
    public const string Alcohol = "alcohol";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Whisky, Brandy, Rum, Gin, Vodka, Alcohol, Other];
}

/// <summary>
/// A quantity in proof gallons: the exact figure the ledger gives, and what goes on the form (to the tenth,
/// midpoint away from zero, never below zero).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbProofGallons.v1")]
public sealed record TtbProofGallons([property: Id(0)] decimal Exact, [property: Id(1)] decimal Reported);

/// <summary>TTB F 5110.40, one kind: spirits produced (ledger: adjustment increases whose reason is "production").</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbProductionLine.v1")]
public sealed record TtbProductionLine([property: Id(0)] string Kind, [property: Id(1)] TtbProofGallons Produced);

/// <summary>
/// TTB F 5110.11, one kind. Closing = opening + received + produced + gains - removed taxpaid - losses - transferred out,
/// exactly; the reported figures are each rounded on their own.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbStorageLine.v1")]
public sealed record TtbStorageLine(
    [property: Id(0)] string Kind,
    [property: Id(1)] TtbProofGallons OpeningOnHand,
    [property: Id(2)] TtbProofGallons Received,
    [property: Id(3)] TtbProofGallons Produced,
    [property: Id(4)] TtbProofGallons Gains,
    [property: Id(5)] TtbProofGallons RemovedTaxpaid,
    [property: Id(6)] TtbProofGallons Losses,
    [property: Id(7)] TtbProofGallons TransferredOut,
    [property: Id(8)] TtbProofGallons ClosingOnHand);

/// <summary>TTB F 5110.28, one kind: the ledger records no processing, so these are zeros (see the form's note).</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbProcessingLine.v1")]
public sealed record TtbProcessingLine(
    [property: Id(0)] string Kind,
    [property: Id(1)] TtbProofGallons Received,
    [property: Id(2)] TtbProofGallons Bottled,
    [property: Id(3)] TtbProofGallons Removed);

/// <summary>TTB F 5110.40 for the month: its due date with the rule, a line per kind, the total and how it maps onto the ledger.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbProductionForm.v1")]
public sealed record TtbProductionForm(
    [property: Id(0)] string Form,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly DueOn,
    [property: Id(3)] string DueRule,
    [property: Id(4)] IReadOnlyList<TtbProductionLine> Lines,
    [property: Id(5)] TtbProductionLine Totals,
    [property: Id(6)] string Note);

/// <summary>TTB F 5110.11 for the month: its due date with the rule, a line per kind, the total and how it maps onto the ledger.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbStorageForm.v1")]
public sealed record TtbStorageForm(
    [property: Id(0)] string Form,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly DueOn,
    [property: Id(3)] string DueRule,
    [property: Id(4)] IReadOnlyList<TtbStorageLine> Lines,
    [property: Id(5)] TtbStorageLine Totals,
    [property: Id(6)] string Note);

/// <summary>TTB F 5110.28 for the month: its due date with the rule, a line per kind (zeros), the total and why.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbProcessingForm.v1")]
public sealed record TtbProcessingForm(
    [property: Id(0)] string Form,
    [property: Id(1)] string Title,
    [property: Id(2)] DateOnly DueOn,
    [property: Id(3)] string DueRule,
    [property: Id(4)] IReadOnlyList<TtbProcessingLine> Lines,
    [property: Id(5)] TtbProcessingLine Totals,
    [property: Id(6)] string Note);

/// <summary>A month's TTB operations reports for an organisation (all its locations) or one location.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbMonthlyReport.v1")]
public sealed record TtbMonthlyReport(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] Guid? LocationId,
    [property: Id(2)] string Month,
    [property: Id(3)] DateOnly PeriodStart,
    [property: Id(4)] DateOnly PeriodEnd,
    [property: Id(5)] TtbProductionForm Production,
    [property: Id(6)] TtbStorageForm Storage,
    [property: Id(7)] TtbProcessingForm Processing,
    [property: Id(8)] IReadOnlyList<string> Warnings,
    [property: Id(9)] string Rounding,
    [property: Id(10)] DateTime LedgerAsOf);

/// <summary>Taxable removals of one kind of spirits in the excise period.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbRemovals.v1")]
public sealed record TtbRemovals([property: Id(0)] string Kind, [property: Id(1)] TtbProofGallons ProofGallons);

/// <summary>A rate of 26 U.S.C. 5001 as reduced by the Craft Beverage Modernization Act: per proof gallon, up to a yearly total.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ExciseRateTier.v1")]
public sealed record ExciseRateTier([property: Id(0)] decimal FromProofGallons, [property: Id(1)] decimal? ToProofGallons, [property: Id(2)] decimal RatePerProofGallon);

/// <summary>The estimate of a TTB F 5000.24 excise tax return for a period of one calendar year.</summary>
[GenerateSerializer, Immutable, Alias("ipf.TtbExciseEstimate.v1")]
public sealed record TtbExciseEstimate(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] DateOnly PeriodStart,
    [property: Id(2)] DateOnly PeriodEnd,
    [property: Id(3)] TtbProofGallons TaxableRemovals,
    [property: Id(4)] IReadOnlyList<TtbRemovals> ByKind,
    [property: Id(5)] TtbProofGallons RemovedEarlierThisYear,
    [property: Id(6)] decimal Tax,
    [property: Id(7)] IReadOnlyList<ExciseRateTier> Rates,
    [property: Id(8)] DateOnly DueOn,
    [property: Id(9)] string DueRule,
    [property: Id(10)] string? SeptemberRule,
    [property: Id(11)] string Note,
    [property: Id(12)] DateTime LedgerAsOf);

/// <summary>Business dates, both included, in each location's time zone; optionally one location.</summary>
[GenerateSerializer, Immutable, Alias("ipf.RecordsRange.v1")]
public sealed record RecordsRange(
    [property: Id(0)] DateOnly? From = null,
    [property: Id(1)] DateOnly? To = null,
    [property: Id(2)] Guid? LocationId = null);

/// <summary>One receipt in the ledger, as 27 CFR 31 subpart J asks a dealer to keep it: what, how much, from whom, when.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ReceivingRecord.v1")]
public sealed record ReceivingRecord(
    [property: Id(0)] Guid TransactionId,
    [property: Id(1)] DateTime OccurredAt,
    [property: Id(2)] DateOnly BusinessDate,
    [property: Id(3)] Guid LocationId,
    [property: Id(4)] string LocationName,
    [property: Id(5)] Guid? SupplierId,
    [property: Id(6)] string? SupplierName,
    [property: Id(7)] Guid ProductId,
    [property: Id(8)] string Sku,
    [property: Id(9)] string ProductName,
    [property: Id(10)] string Category,
    [property: Id(11)] decimal Quantity,
    [property: Id(12)] decimal SizeMl,
    [property: Id(13)] decimal Litres,
    [property: Id(14)] decimal? UnitCost,
    [property: Id(15)] decimal? Amount,
    [property: Id(16)] string? ReferenceId);

/// <summary>One line of a sale flagged as a large sale.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LargeSaleLine.v1")]
public sealed record LargeSaleLine(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] string Sku,
    [property: Id(2)] string ProductName,
    [property: Id(3)] string Category,
    [property: Id(4)] decimal Quantity,
    [property: Id(5)] decimal SizeMl,
    [property: Id(6)] decimal Litres);

/// <summary>A sale of 20 wine gallons or more of spirits, wine and beer in one movement: 27 CFR 31 wants it recorded.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LargeSale.v1")]
public sealed record LargeSale(
    [property: Id(0)] Guid MovementId,
    [property: Id(1)] DateTime OccurredAt,
    [property: Id(2)] DateOnly BusinessDate,
    [property: Id(3)] Guid LocationId,
    [property: Id(4)] string LocationName,
    [property: Id(5)] string? ReferenceId,
    [property: Id(6)] decimal Litres,
    [property: Id(7)] decimal WineGallons,
    [property: Id(8)] IReadOnlyList<LargeSaleLine> Lines,
    [property: Id(9)] string Note);

/// <summary>
/// An organisation's federal figures and records, computed from the ledger on request: the TTB operations reports and
/// excise estimate of a distilled spirits plant, and a retail dealer's records under 27 CFR 31. Nothing is stored.
/// </summary>
public interface IFederalRecordsGrain : IGrainWithStringKey
{
    /// <summary>The operations reports of the month that starts on <paramref name="month"/>.</summary>
    Task<TtbMonthlyReport> Monthly(DateOnly month, Guid? locationId);

    Task<TtbExciseEstimate> Excise(DateOnly? periodStart, DateOnly? periodEnd);

    Task<Page<ReceivingRecord>> Receiving(RecordsRange range, PageRequest page);

    /// <summary>
    /// Checks an export of the range before a byte of it is written: refused (VALIDATION_FAILED on <c>to</c>) when the
    /// range holds more than <paramref name="maxRows"/> receipts, counting no further than one past that.
    /// </summary>
    Task ReceivingExportFits(RecordsRange range, int maxRows);

    /// <summary>
    /// The receipts of the range after the one at (<paramref name="afterOccurredAt"/>, <paramref name="afterId"/>), oldest
    /// first, at most <paramref name="size"/>: one chunk of a streamed export; none given, the first chunk.
    /// </summary>
    Task<IReadOnlyList<ReceivingRecord>> ReceivingExportChunk(RecordsRange range, DateTime? afterOccurredAt, Guid? afterId, int size);

    Task<Page<LargeSale>> LargeSales(RecordsRange range, PageRequest page);
}
