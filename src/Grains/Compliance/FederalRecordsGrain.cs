using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>An organisation's federal figures (TTB) and retail dealer records (27 CFR 31), computed from the ledger on request. Stateless.</summary>
[StatelessWorker]
public sealed class FederalRecordsGrain(
    TtbLedgerQuery ttb,
    DealerRecordsQuery dealer,
    LocationRepository locations,
    TimeProvider time) : Grain, IFederalRecordsGrain
{
    private const string ExciseNote =
        "An estimate for TTB F 5000.24: taxable removals are the ledger's sales and comps of spirits (removals taxpaid), in exact proof gallons; " +
        "the tier of each proof gallon depends on what was removed earlier in the calendar year (26 U.S.C. 5001, Craft Beverage Modernization Act rates), " +
        "tax rounded to the cent. The return itself is filed and paid by the proprietor.";

    private Guid OrganizationId => GrainKeys.ParseFederalRecords(this.GetPrimaryKeyString());

    public async Task<TtbMonthlyReport> Monthly(DateOnly month, Guid? locationId)
    {
        var start = new DateOnly(month.Year, month.Month, 1);
        var end = start.AddMonths(1).AddDays(-1);
        var today = await Today(locationId);
        if (start > today)
        {
            throw new ValidationFailedException([new FieldError("month", $"month {start:yyyy-MM} is in the future (today is {today:yyyy-MM-dd}).")]);
        }

        var asOf = time.GetUtcNow().UtcDateTime;
        var flows = await ttb.Flows(OrganizationId, locationId, start, end, asOf);
        var (production, storage, processing, warnings) = TtbOperationsReports.Of(start, flows);
        return new TtbMonthlyReport(
            OrganizationId, locationId, $"{start:yyyy-MM}", start, end, production, storage, processing, warnings, TtbOperationsReports.Rounding, asOf);
    }

    public async Task<TtbExciseEstimate> Excise(DateOnly? periodStart, DateOnly? periodEnd)
    {
        new Violations()
            .Required("periodStart", periodStart)
            .Required("periodEnd", periodEnd)
            .When(periodStart > periodEnd, "periodEnd", "periodEnd must be on or after periodStart.")
            .When(
                periodStart is { } first && periodEnd is { } last && first <= last && first.Year != last.Year,
                "periodEnd",
                "A return period lies within one calendar year: the rate tiers start again on 1 January.")
            .ThrowIfAny();
        var start = periodStart!.Value;
        var end = periodEnd!.Value;
        var today = await Today(null);
        if (start > today)
        {
            throw new ValidationFailedException([new FieldError("periodStart", $"periodStart is in the future (today is {today:yyyy-MM-dd}).")]);
        }

        var asOf = time.GetUtcNow().UtcDateTime;
        var removals = await ttb.Flows(OrganizationId, null, start, end, asOf);
        var yearStart = new DateOnly(start.Year, 1, 1);
        var earlier = start > yearStart ? (await ttb.Flows(OrganizationId, null, yearStart, start.AddDays(-1), asOf)).Values.Sum(f => f.RemovedTaxpaid) : 0m;
        var removed = removals.Values.Sum(f => f.RemovedTaxpaid);
        // Returns more than were sold (a negative removal) owe no tax here; the proprietor claims those on the return.
        var tax = SpiritsExcise.Tax(Math.Max(removed, 0m), Math.Max(earlier, 0m));
        var september = start <= new DateOnly(start.Year, 9, 30) && end >= new DateOnly(start.Year, 9, 16) ? TtbDueDates.SeptemberRule : null;
        return new TtbExciseEstimate(
            OrganizationId, start, end, TtbOperationsReports.Figure("total", "taxable removals", removed, null),
            SpiritKinds.All.Select(k => new TtbRemovals(k, TtbOperationsReports.Figure(k, "taxable removals", removals[k].RemovedTaxpaid, null))).ToList(),
            TtbOperationsReports.Figure("total", "removed earlier this year", earlier, null), tax, SpiritsExcise.Rates,
            TtbDueDates.ExciseReturn(end), TtbDueDates.ExciseReturnRule, september, ExciseNote, asOf);
    }

    public async Task<Page<ReceivingRecord>> Receiving(RecordsRange range, PageRequest page)
    {
        var (from, to) = await Checked(range);
        return await dealer.Receiving(OrganizationId, range.LocationId, from, to, page);
    }

    public async Task ReceivingExportFits(RecordsRange range, int maxRows)
    {
        var (from, to) = await Checked(range);
        if (await dealer.ReceivingRows(OrganizationId, range.LocationId, from, to, maxRows + 1) > maxRows)
        {
            throw new ValidationFailedException([new FieldError(
                "to",
                $"From {from:yyyy-MM-dd} to {to:yyyy-MM-dd} there are more than {maxRows:N0} receipts, the most one CSV export holds: " +
                "export a shorter range (an earlier to), or one location at a time (locationId).")]);
        }
    }

    public async Task<IReadOnlyList<ReceivingRecord>> ReceivingExportChunk(RecordsRange range, DateTime? afterOccurredAt, Guid? afterId, int size)
    {
        var (from, to) = await Checked(range);
        return await dealer.ReceivingAfter(OrganizationId, range.LocationId, from, to, afterOccurredAt, afterId, Math.Clamp(size, 1, 10_000));
    }

    public async Task<Page<LargeSale>> LargeSales(RecordsRange range, PageRequest page)
    {
        var (from, to) = await Checked(range);
        // Large sales are few; the 20-gallon rule is applied in C# (ProofGallons), so the page is cut after it.
        var sales = await dealer.LargeSales(OrganizationId, range.LocationId, from, to);
        return new Page<LargeSale>(sales.Skip(page.Offset).Take(page.Limit).ToList(), page.Page, page.Limit, sales.Count);
    }

    /// <summary>Records are kept 3 years (27 CFR 31 subpart J): a request covers at most that, and a day for the one it starts on.</summary>
    private async Task<(DateOnly From, DateOnly To)> Checked(RecordsRange range)
    {
        new Violations()
            .Required("from", range.From)
            .Required("to", range.To)
            .When(range.From > range.To, "to", "to must be on or after from.")
            .When(
                range.From is { } from && range.To is { } to && to > from.AddYears(3).AddDays(1),
                "to",
                $"A request covers at most 3 years and a day (records are kept 3 years, 27 CFR 31 subpart J): to must be on or before {range.From?.AddYears(3).AddDays(1):yyyy-MM-dd}.")
            .ThrowIfAny();
        if (range.LocationId is { } locationId)
        {
            _ = await locations.Find(OrganizationId, locationId) ?? throw NotFoundException.For("location", locationId);
        }

        return (range.From!.Value, range.To!.Value);
    }

    /// <summary>
    /// Today at the location, or at whichever of the organisation's locations is furthest ahead: a month has begun
    /// for the organisation once it has begun anywhere it trades.
    /// </summary>
    private async Task<DateOnly> Today(Guid? locationId)
    {
        if (locationId is { } id)
        {
            var location = await locations.Find(OrganizationId, id) ?? throw NotFoundException.For("location", id);
            return time.Today(location.Timezone);
        }

        var zones = await locations.Timezones(OrganizationId);
        return zones.Count == 0 ? time.Today("UTC") : zones.Max(zone => time.Today(zone));
    }
}
