using System.Text.Json;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Operations;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace InventoryProFlow.Api.Operations;

/// <summary>Ready means a grain call succeeds (the silo serves) and that grain reached the database.</summary>
public sealed class SiloAndDatabaseCheck(IGrainFactory grains) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var reachable = await grains.GetGrain<IHealthGrain>(GrainKeys.HealthKey).DatabaseReachable().WaitAsync(TimeSpan.FromSeconds(5), cancellationToken);
            return reachable ? HealthCheckResult.Healthy("silo up, database reachable") : HealthCheckResult.Unhealthy("database unreachable");
        }
        catch (Exception error) when (error is TimeoutException or OrleansException or InvalidOperationException)
        {
            return HealthCheckResult.Unhealthy("silo unavailable", error);
        }
    }
}

public static class HealthApi
{
    public const string ReadyTag = "ready";

    public static IEndpointRouteBuilder MapHealthApi(this IEndpointRouteBuilder routes)
    {
        routes.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = Write }).AllowAnonymous();
        routes.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = c => c.Tags.Contains(ReadyTag), ResponseWriter = Write }).AllowAnonymous();
        return routes;
    }

    private static Task Write(HttpContext context, HealthReport report)
    {
        if (report.Status != HealthStatus.Healthy)
        {
            context.Response.Headers.RetryAfter = "5";
        }

        return context.Response.WriteAsJsonAsync(
            new
            {
                status = report.Status.ToString().ToLowerInvariant(),
                checks = report.Entries.Select(e => new { name = e.Key, status = e.Value.Status.ToString().ToLowerInvariant(), description = e.Value.Description }),
            },
            ApiJson.Options);
    }
}
