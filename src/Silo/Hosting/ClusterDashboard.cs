using InventoryProFlow.Grains.Catalogue;
using Microsoft.Extensions.Configuration;
using Orleans.Dashboard;
using Orleans.Hosting;

namespace InventoryProFlow.Silo.Hosting;

/// <summary>
/// The Orleans Dashboard's collectors: every silo records its grains' calls, and an Api node (co-hosted silo or
/// Orleans client) reads the whole cluster through them and serves the pages (src/Api/Operations/DashboardApi.cs).
/// </summary>
public static class ClusterDashboard
{
    /// <summary>On by default; off removes the per-call profiler from every grain call of this silo.</summary>
    public static bool Enabled(IConfiguration configuration) => configuration.GetValue("Operations:DashboardEnabled", true);

    /// <summary>
    /// The dashboard shows every organisation's grains, so it is the operator's, not a tenant's: only admins of this
    /// organisation may open it. Default: the demo organisation (`make run`); a deployment names its own.
    /// </summary>
    public static Guid OperatorOrganizationId(IConfiguration configuration) =>
        configuration["Operations:OperatorOrganizationId"] is not { Length: > 0 } value ? DemoCatalogue.OrganizationId
        : Guid.TryParse(value, out var id) ? id
        : throw new InvalidOperationException($"Operations:OperatorOrganizationId '{value}' is not an organisation id (a GUID).");

    public static ISiloBuilder AddClusterDashboard(this ISiloBuilder silo, IConfiguration configuration) =>
        Enabled(configuration) ? silo.AddDashboard(Configure) : silo;

    public static IClientBuilder AddClusterDashboard(this IClientBuilder client, IConfiguration configuration) =>
        Enabled(configuration) ? client.AddDashboard(Configure) : client;

    // Live log streaming would show nothing: Serilog owns the logs (JSON on standard output) and feeds no other provider.
    private static void Configure(DashboardOptions options) => options.HideTrace = true;
}
