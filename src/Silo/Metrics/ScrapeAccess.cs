using System.Net;
using InventoryProFlow.Grains.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Silo.Metrics;

/// <summary>
/// Who may read <c>/metrics</c>: loopback, and the networks in <c>Metrics:AllowedNetworks</c> (addresses or CIDR,
/// comma-separated). Anyone else gets the 404 an unknown path gets, so the endpoint's existence does not leak either.
/// The address judged is the client's as the forwarded-headers step left it: a scrape through a known proxy is judged
/// by the address that proxy names, so the public load balancer cannot be used to reach it.
/// </summary>
public sealed class ScrapeAccess(IReadOnlyList<IPNetwork> allowed)
{
    public const string Path = "/metrics";
    public const string AllowedNetworksSetting = "Metrics:AllowedNetworks";

    public static ScrapeAccess From(IConfiguration configuration) => new(CidrNotation.ListedIn(configuration, AllowedNetworksSetting));

    public bool Allows(IPAddress? client)
    {
        if (client is null)
        {
            return false;
        }

        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return IPAddress.IsLoopback(address) || allowed.Any(network => network.Contains(address));
    }

    /// <summary>The first step of the scrape endpoint's own pipeline: strangers stop here with a bare 404.</summary>
    public Task Guard(HttpContext context, RequestDelegate next)
    {
        if (Allows(context.Connection.RemoteIpAddress))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
