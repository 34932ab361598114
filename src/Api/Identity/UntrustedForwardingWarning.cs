using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Warns, once per process, when a request carries X-Forwarded-For from a peer that is not one of Api:KnownProxies. The
/// header is ignored then, as it must be; but behind a proxy that nobody listed, every client seems to be the proxy: one
/// sign-in allowance and one allow-list address for everyone, so a few failed sign-ins lock out the whole bar. Runs just
/// before the forwarded-headers step, which still sees the TCP peer. Once, because a misconfigured proxy sends it on
/// every request.
/// </summary>
public sealed class UntrustedForwardingWarning(RequestDelegate next, IOptions<ForwardedHeadersOptions> forwarding, ILogger<UntrustedForwardingWarning> logger)
{
    private int _warned;

    public Task InvokeAsync(HttpContext context)
    {
        if (Volatile.Read(ref _warned) == 0
            && context.Request.Headers.ContainsKey(ForwardedHeadersDefaults.XForwardedForHeaderName)
            && context.Connection.RemoteIpAddress is { } peer
            && !Trusted(peer)
            && Interlocked.Exchange(ref _warned, 1) == 0)
        {
            logger.LogWarning(
                "A request arrived with X-Forwarded-For from {Peer}, which is not in Api:KnownProxies, so the header is ignored and {Peer} counts as the client. "
                + "If {Peer} is your load balancer or ingress, every client behind it shares one address for sign-in limits and IP allow-lists: add it to Api__KnownProxies. "
                + "Logged once per process.",
                peer,
                peer,
                peer);
        }

        return next(context);
    }

    private bool Trusted(IPAddress peer)
    {
        var options = forwarding.Value;
        var address = peer.IsIPv4MappedToIPv6 ? peer.MapToIPv4() : peer;
        return options.KnownProxies.Contains(peer) || options.KnownProxies.Contains(address)
            || options.KnownIPNetworks.Any(network => network.Contains(peer) || network.Contains(address));
    }
}
