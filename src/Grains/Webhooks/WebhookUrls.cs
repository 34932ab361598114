using System.Net;
using System.Net.Sockets;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// Where a webhook may point. In production a URL must be https and must not name or resolve to a private, loopback,
/// link-local or reserved address (a webhook must not become a way into our own network); in development
/// (<c>Webhooks:AllowPrivateAddresses</c>) both are allowed, so a plain-http receiver on this machine can be used.
/// This check gives a clear 400 when the webhook is created; <see cref="WebhookConnector"/> makes the same check
/// again for every send, on the address it connects to.
/// </summary>
public static class WebhookUrls
{
    public const int MaxLength = 2000;

    // Every network a webhook must not reach. IPv4-mapped IPv6 addresses are checked as the IPv4 address they carry.
    private static readonly IPNetwork[] Refused =
    [
        IPNetwork.Parse("0.0.0.0/8"), // "this network"
        IPNetwork.Parse("10.0.0.0/8"), // private (RFC 1918)
        IPNetwork.Parse("100.64.0.0/10"), // carrier-grade NAT (RFC 6598)
        IPNetwork.Parse("127.0.0.0/8"), // loopback
        IPNetwork.Parse("169.254.0.0/16"), // link-local, where cloud metadata services answer (169.254.169.254)
        IPNetwork.Parse("172.16.0.0/12"), // private (RFC 1918)
        IPNetwork.Parse("192.0.0.0/24"), // IETF protocol assignments (RFC 6890)
        IPNetwork.Parse("192.168.0.0/16"), // private (RFC 1918)
        IPNetwork.Parse("198.18.0.0/15"), // benchmarking (RFC 2544), used inside some networks
        IPNetwork.Parse("224.0.0.0/4"), // multicast
        IPNetwork.Parse("240.0.0.0/4"), // reserved, and 255.255.255.255
        IPNetwork.Parse("::/96"), // unspecified, loopback and the old IPv4-compatible form
        IPNetwork.Parse("64:ff9b::/96"), // NAT64 (RFC 6052): reaches whatever IPv4 address it embeds
        IPNetwork.Parse("64:ff9b:1::/48"), // local-use NAT64 (RFC 8215)
        IPNetwork.Parse("2002::/16"), // 6to4: reaches whatever IPv4 address it embeds
        IPNetwork.Parse("fc00::/7"), // unique-local
        IPNetwork.Parse("fe80::/10"), // link-local
        IPNetwork.Parse("fec0::/10"), // site-local (deprecated, still routed by some)
        IPNetwork.Parse("ff00::/8"), // multicast
    ];

    public static async Task<Uri> Check(string? url, bool allowPrivate, string field = "url")
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            throw Refuse(field, $"{field} must be an absolute http or https URL of at most {MaxLength} characters.");
        }

        if (uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Refuse(field, $"{field} must be http or https, without credentials or a fragment.");
        }

        if (!allowPrivate)
        {
            if (uri.Scheme != Uri.UriSchemeHttps)
            {
                throw Refuse(field, $"{field} must be https: events carry sales and stock, and their signature must not be readable on the way.");
            }

            var addresses = await Resolve(uri);
            if (addresses.Length == 0 || addresses.Any(IsPrivate))
            {
                throw Refuse(field, $"{field} must reach a public address; {uri.Host} is private, loopback, reserved or does not resolve.");
            }
        }

        return uri;
    }

    /// <summary>True for an address in any network a webhook must not reach (see <see cref="Refused"/>).</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        foreach (var network in Refused)
        {
            if (network.Contains(address))
            {
                return true;
            }
        }

        return false;
    }

    private static async Task<IPAddress[]> Resolve(Uri uri)
    {
        if (IPAddress.TryParse(uri.IdnHost.Trim('[', ']'), out var literal))
        {
            return [literal];
        }

        try
        {
            return await Dns.GetHostAddressesAsync(uri.IdnHost);
        }
        catch (SocketException)
        {
            return [];
        }
    }

    private static ValidationFailedException Refuse(string field, string message) => new([new FieldError(field, message)]);
}
