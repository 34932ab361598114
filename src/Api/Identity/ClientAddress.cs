using System.Net;
using InventoryProFlow.Grains.Identity;
using Microsoft.AspNetCore.HttpOverrides;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// The address a request comes from, which rate limits and allow-lists judge. Behind a load balancer every peer is
/// the balancer, so X-Forwarded-For is believed, hop by hop from the right, only while the hop that added it is one of
/// Api:KnownProxies (addresses or CIDR networks, comma-separated). Nothing else is trusted, loopback included, so a
/// client cannot pick its own address by sending the header.
/// </summary>
public static class ClientAddress
{
    public const string KnownProxiesSetting = "Api:KnownProxies";

    public static IServiceCollection AddClientAddresses(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = CidrNotation.ListedIn(configuration, KnownProxiesSetting);
        return services.Configure<ForwardedHeadersOptions>(options =>
        {
            // X-Forwarded-Proto too: behind a proxy that ends TLS, a request the client made over HTTPS is one (HSTS, Secure cookies).
            // Believed, like the address, only from a known proxy; X-Forwarded-Host never is (it would let a client name our host).
            // With no proxy listed nothing is applied at all: ASP.NET Core believes every peer when both of its lists are empty.
            options.ForwardedHeaders = proxies.Count == 0 ? ForwardedHeaders.None : ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // No limit on hops: each one is believed only if a known proxy added it, so the walk stops at the first stranger.
            options.ForwardLimit = null;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            // A single address is a /32 or /128 network here.
            foreach (var proxy in proxies)
            {
                options.KnownIPNetworks.Add(proxy);
            }
        });
    }

    /// <summary>The client's address as the forwarded-headers step left it, IPv4 clients of a dual-stack socket as IPv4.</summary>
    public static IPAddress? Of(HttpContext context) =>
        context.Connection.RemoteIpAddress is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : context.Connection.RemoteIpAddress;
}
