using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Analytics;

/// <summary>Demand forecasts from the organisation's own model, and what to order from whom.</summary>
public static class ForecastApi
{
    public static IEndpointRouteBuilder MapForecastApi(this IEndpointRouteBuilder routes)
    {
        var analytics = routes.MapGroup("/api/v1/analytics").WithTags("Analytics").RequireAuthorization(Policies.AnalyticsReader);
        analytics.MapPost("/forecast", Forecast).WithName("forecastDemand")
            .WithSummary("Daily demand of a product at a location for forecastDays (1 to 90, default 30) with bounds, and the order to place");
        analytics.MapGet("/reorder", Reorder).WithSummary("What to order now at a location, by supplier, from the forecasts");
        analytics.MapPost("/forecast/retrain", Retrain).LimitAsHeavy().RequireAuthorization(Policies.Admin).WithName("retrainForecast")
            .WithSummary("Train the organisation's demand model on its ledger now (it retrains weekly by itself)");
        return routes;
    }

    private static async Task<Ok<Envelope<DemandForecastAnswer>>> Forecast(ForecastRequest body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Grain(principal, grains).Forecast(body ?? new ForecastRequest())));

    private static async Task<Ok<Envelope<ReorderList>>> Reorder(string? locationId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var location = QueryValues.Id("locationId", locationId) ?? throw new ValidationFailedException([new FieldError("locationId", "locationId is required.")]);
        return TypedResults.Ok(Envelope.Of(await Grain(principal, grains).Reorder(location)));
    }

    private static async Task<Ok<Envelope<RetrainAnswer>>> Retrain(ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(new RetrainAnswer(await Grain(principal, grains).Retrain())));

    public sealed record RetrainAnswer(int Series);

    private static IForecastGrain Grain(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IForecastGrain>(GrainKeys.Forecast(CurrentUser.From(principal).OrganizationId));
}
