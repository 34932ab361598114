using System.Globalization;
using System.Security.Claims;
using System.Text;
using CsvHelper;
using InventoryProFlow.Api.Exports;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Json;

namespace InventoryProFlow.Api.Analytics;

/// <summary>Sales figures from the ledger: totals, top products, the day-by-day breakdown, by category and location.</summary>
public static class SalesAnalyticsApi
{
    private const int DefaultDays = 30;
    private const int DefaultTop = 10;
    private static readonly IReadOnlyList<string> Formats = ["json", "csv"];

    public static IEndpointRouteBuilder MapSalesAnalyticsApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Policies.AnalyticsReader)
            .MapGet("/sales", Sales).LimitAsHeavy()
            .WithSummary("Sales between startDate and endDate (business dates; default the last 30 days), optionally at one location; format=csv for the daily breakdown");
        return routes;
    }

    private static async Task<IResult> Sales(
        string? startDate, string? endDate, string? locationId, string? top, string? format, ClaimsPrincipal principal, IGrainFactory grains, TimeProvider time)
    {
        var end = QueryValues.Date("endDate", endDate) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = QueryValues.Date("startDate", startDate) ?? end.AddDays(1 - DefaultDays);
        var query = new SalesAnalyticsQuery(start, end, QueryValues.Id("locationId", locationId), Count("top", top) ?? DefaultTop);
        var csv = (QueryValues.OneOf("format", format, Formats) ?? "json") == "csv";
        var figures = await grains.GetGrain<IAnalyticsGrain>(GrainKeys.Analytics(CurrentUser.From(principal).OrganizationId)).Sales(query);
        return csv
            ? Results.File(Encoding.UTF8.GetBytes(DailyCsv(figures)), "text/csv; charset=utf-8", $"sales-{start:yyyy-MM-dd}-{end:yyyy-MM-dd}.csv")
            : TypedResults.Ok(Envelope.Of(figures));
    }

    private static int? Count(string field, string? text) =>
        string.IsNullOrEmpty(text) ? null
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) ? value
        : throw new ValidationFailedException([new FieldError(field, $"{field} must be a whole number.")]);

    /// <summary>The day-by-day breakdown as a spreadsheet: one header row, a line per business day.</summary>
    private static string DailyCsv(SalesAnalytics figures)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var csv = new SpreadsheetCsvWriter(text))
        {
            foreach (var name in new[] { "date", "sales", "transactions", "units" })
            {
                csv.WriteField(name);
            }

            csv.NextRecord();
            foreach (var day in figures.DailyBreakdown)
            {
                csv.WriteField(day.Date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
                csv.WriteField(day.Sales.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(day.Transactions.ToString(CultureInfo.InvariantCulture));
                csv.WriteField(ShortestDecimal.Text(day.Units));
                csv.NextRecord();
            }
        }

        return text.ToString();
    }
}
