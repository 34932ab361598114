using System.Net;
using InventoryProFlow.Grains.Identity;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Silo.Metrics;

/// <summary>
/// Who may read <c>/metrics</c>: loopback, and the networks in <c>Metrics:AllowedNetworks</c> (addresses or CIDR,
/// comma-separated). Anyone else gets the 404 an unknown path gets, so the endpoint's existence does not leak either.
/// The address judged is the client's as the forwarded-headers step left it: a scrape through a known proxy is judged
/// by the address that proxy names, so the public load balancer cannot be used to reach it. Loopback is trusted only for
/// a request that came straight from it: one still carrying X-Forwarded-For or Forwarded after that step was relayed by a
/// proxy we do not know (a reverse proxy on the same machine connects from loopback for anyone on the internet), so it is
/// judged by the allowed networks alone.
/// </summary>
public sealed class ScrapeAccess(IReadOnlyList<IPNetwork> allowed)
{
    public const string Path = "/metrics";
    public const string AllowedNetworksSetting = "Metrics:AllowedNetworks";

    public static ScrapeAccess From(IConfiguration configuration) => new(CidrNotation.ListedIn(configuration, AllowedNetworksSetting));

    /// <summary>Whether <paramref name="client"/> may scrape; <paramref name="proxied"/>: the request came through a proxy we do not know.</summary>
    public bool Allows(IPAddress? client, bool proxied = false)
    {
        if (client is null)
        {
            return false;
        }

        var address = client.IsIPv4MappedToIPv6 ? client.MapToIPv4() : client;
        return (IPAddress.IsLoopback(address) && !proxied) || allowed.Any(network => network.Contains(address));
    }

    /// <summary>
    /// A request relayed by a proxy that is not a known one: the forwarded-headers step consumes the headers of known
    /// proxies, so what is left was added by someone else (and a silo's endpoint, which has no such step, keeps them all).
    /// </summary>
    public static bool Proxied(HttpRequest request) =>
        request.Headers.ContainsKey("X-Forwarded-For") || request.Headers.ContainsKey("Forwarded");

    /// <summary>The first step of the scrape endpoint's own pipeline: strangers stop here with a bare 404.</summary>
    public Task Guard(HttpContext context, RequestDelegate next)
    {
        if (Allows(context.Connection.RemoteIpAddress, Proxied(context.Request)))
        {
            return next(context);
        }

        context.Response.StatusCode = StatusCodes.Status404NotFound;
        return Task.CompletedTask;
    }
}
