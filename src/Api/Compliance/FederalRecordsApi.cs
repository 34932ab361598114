using System.Globalization;
using System.Security.Claims;
using System.Text;
using InventoryProFlow.Api.Exports;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Compliance;

/// <summary>Federal figures from the ledger: the TTB monthly operations reports and excise estimate, and a retail dealer's 27 CFR 31 records.</summary>
public static class FederalRecordsApi
{
    private static readonly IReadOnlyList<string> Formats = ["json", "csv"];

    public static IEndpointRouteBuilder MapFederalRecordsApi(this IEndpointRouteBuilder routes)
    {
        var compliance = routes.MapGroup("/api/v1/compliance").WithTags("Compliance").RequireAuthorization(Policies.ComplianceReader);
        compliance.MapGet("/ttb/monthly", Monthly).LimitAsHeavy()
            .WithSummary("TTB F 5110.40, 5110.11 and 5110.28 for a month (month=yyyy-MM, optional locationId): proof gallons by kind of spirits, with due dates");
        compliance.MapGet("/ttb/excise", Excise).LimitAsHeavy()
            .WithSummary("TTB F 5000.24 estimate for periodStart..periodEnd (one calendar year): taxable removals in proof gallons, tiered tax, due date");
        compliance.MapGet("/records/receiving", Receiving).LimitAsHeavy()
            .WithSummary("27 CFR 31 receiving records from..to (at most 3 years and a day): paginated JSON, or format=csv for the whole range");
        compliance.MapGet("/records/large-sales", LargeSales).LimitAsHeavy()
            .WithSummary("Sales of 20 wine gallons (75.7 L) or more of spirits, wine and beer in one movement, from..to: to be recorded with the purchaser");
        return routes;
    }

    private static async Task<Ok<Envelope<TtbMonthlyReport>>> Monthly(string? month, string? locationId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var location = QueryValues.Id("locationId", locationId);
        var first = string.IsNullOrEmpty(month)
            ? throw new ValidationFailedException([new FieldError("month", "month is required, as yyyy-MM (e.g. 2026-10).")])
            : DateOnly.TryParseExact(month, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var parsed) ? parsed
            : throw new ValidationFailedException([new FieldError("month", "month must be a calendar month as yyyy-MM, such as 2026-10.")]);
        return TypedResults.Ok(Envelope.Of(await Records(principal, grains).Monthly(first, location)));
    }

    private static async Task<Ok<Envelope<TtbExciseEstimate>>> Excise(string? periodStart, string? periodEnd, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var (start, end) = Dates(("periodStart", periodStart), ("periodEnd", periodEnd));
        return TypedResults.Ok(Envelope.Of(await Records(principal, grains).Excise(start, end)));
    }

    private static async Task<IResult> Receiving(
        [AsParameters] ListQuery query, string? from, string? to, string? locationId, string? format, ClaimsPrincipal principal, IGrainFactory grains,
        ExportLimits limits)
    {
        format = QueryValues.OneOf("format", format, Formats) ?? "json";
        var range = Range(from, to, locationId);
        if (format == "csv")
        {
            var records = Records(principal, grains);
            // Refused before the answer starts, so a range too big for one file gets a clear 400, not a cut-off file.
            await records.ReceivingExportFits(range, limits.MaxRows);
            return Results.Stream(
                body => ReceivingCsv.WriteAsync(body, last => records.ReceivingExportChunk(range, last?.OccurredAt, last?.TransactionId, limits.ChunkRows), limits),
                "text/csv; charset=utf-8",
                $"receiving-records-{range.From:yyyy-MM-dd}-{range.To:yyyy-MM-dd}.csv");
        }

        return TypedResults.Ok(Envelope.Of(await Records(principal, grains).Receiving(range, query.ToPageRequest())));
    }

    private static async Task<Ok<Envelope<ListData<LargeSale>>>> LargeSales(
        [AsParameters] ListQuery query, string? from, string? to, string? locationId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var range = Range(from, to, locationId);
        return TypedResults.Ok(Envelope.Of(await Records(principal, grains).LargeSales(range, query.ToPageRequest())));
    }

    private static RecordsRange Range(string? from, string? to, string? locationId)
    {
        var location = QueryValues.Id("locationId", locationId);
        var (first, last) = Dates(("from", from), ("to", to));
        return new RecordsRange(first, last, location);
    }

    /// <summary>Two dates read together, so a client learns of both bad ones in one answer.</summary>
    private static (DateOnly? First, DateOnly? Last) Dates((string Field, string? Text) first, (string Field, string? Text) last)
    {
        var errors = new List<FieldError>();
        var a = QueryValues.Date(first.Field, first.Text, errors);
        var b = QueryValues.Date(last.Field, last.Text, errors);
        return errors.Count > 0 ? throw new ValidationFailedException(errors) : (a, b);
    }

    private static IFederalRecordsGrain Records(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IFederalRecordsGrain>(GrainKeys.FederalRecords(CurrentUser.From(principal).OrganizationId));
}
