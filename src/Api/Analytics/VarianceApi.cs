using System.Security.Claims;
using System.Text;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Api.Analytics;

/// <summary><c>GET /api/v1/analytics/variance</c>: actual against theoretical usage between two counts, as JSON, CSV or a printable page.</summary>
public static class VarianceApi
{
    private static readonly string[] Formats = ["json", "csv", "html"];

    public static IEndpointRouteBuilder MapVarianceApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Policies.AnalyticsReader)
            .MapGet("/variance", Report).LimitAsHeavy()
            .WithSummary("Variance of a location between two completed count sessions (from, to; default its last two): per product and category, in ml, oz, units, cost and retail; format json, csv or html");
        return routes;
    }

    private static async Task<IResult> Report(string? locationId, string? from, string? to, string? format, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var location = QueryValues.Id("locationId", locationId) ?? throw new ValidationFailedException([new FieldError("locationId", "locationId is required.")]);
        var kind = QueryValues.OneOf("format", format, Formats) ?? "json";
        var report = await grains.GetGrain<IVarianceGrain>(GrainKeys.Variance(CurrentUser.From(principal).OrganizationId))
            .Report(location, QueryValues.Id("from", from), QueryValues.Id("to", to));
        var name = $"variance-{report.From.SnapshotAt:yyyy-MM-dd}-{report.To.SnapshotAt:yyyy-MM-dd}";
        return kind switch
        {
            "csv" => Results.File(Encoding.UTF8.GetBytes(VarianceCsv.Write(report)), "text/csv; charset=utf-8", name + ".csv"),
            "html" => Results.Content(VarianceHtml.Write(report), "text/html; charset=utf-8"),
            _ => TypedResults.Ok(Envelope.Of(report)),
        };
    }
}
