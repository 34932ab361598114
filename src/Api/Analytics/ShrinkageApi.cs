using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Analytics;

/// <summary>Where bottles go missing: counts that differ from the ledger beyond the location's usual, by money lost.</summary>
public static class ShrinkageApi
{
    private const int DefaultDays = 30;

    public static IEndpointRouteBuilder MapShrinkageApi(this IEndpointRouteBuilder routes)
    {
        routes.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Policies.AnalyticsReader)
            .MapGet("/anomalies", Anomalies).LimitAsHeavy()
            .WithSummary("Products whose counts between from and to (default the last 30 days) lie beyond the location's usual variance, by money lost; all=true lists every counted product");
        return routes;
    }

    private static async Task<Ok<Envelope<ShrinkageReport>>> Anomalies(
        string? from, string? to, string? locationId, string? all, ClaimsPrincipal principal, IGrainFactory grains, TimeProvider time)
    {
        var end = QueryValues.Date("to", to) ?? DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var start = QueryValues.Date("from", from) ?? end.AddDays(1 - DefaultDays);
        var query = new ShrinkageQuery(start, end, QueryValues.Id("locationId", locationId), FlaggedOnly: !ListQuery.Flag("all", all));
        return TypedResults.Ok(Envelope.Of(await grains.GetGrain<IAnalyticsGrain>(GrainKeys.Analytics(CurrentUser.From(principal).OrganizationId)).Shrinkage(query)));
    }
}
