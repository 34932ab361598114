using System.Net;
using System.Net.Sockets;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// Where a webhook may point. In production a URL that names or resolves to a private, loopback or link-local
/// address is refused (a webhook must not become a way into our own network); in development it is allowed,
/// so a receiver on this machine can be used.
/// </summary>
public static class WebhookUrls
{
    public const int MaxLength = 2000;

    public static async Task<Uri> Check(string? url, bool allowPrivate, string field = "url")
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > MaxLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            throw Refused(field, $"{field} must be an absolute http or https URL of at most {MaxLength} characters.");
        }

        if (uri.Scheme is not ("http" or "https") || uri.UserInfo.Length > 0 || uri.Fragment.Length > 0)
        {
            throw Refused(field, $"{field} must be http or https, without credentials or a fragment.");
        }

        if (!allowPrivate)
        {
            var addresses = await Resolve(uri);
            if (addresses.Length == 0 || addresses.Any(IsPrivate))
            {
                throw Refused(field, $"{field} must reach a public address; {uri.Host} is private, loopback or does not resolve.");
            }
        }

        return uri;
    }

    /// <summary>True for loopback, private (RFC 1918, unique-local), link-local, carrier-grade NAT and unspecified addresses.</summary>
    public static bool IsPrivate(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
        {
            return true;
        }

        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = address.GetAddressBytes();
            return b[0] is 10 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) ||
                (b[0] == 169 && b[1] == 254) || (b[0] == 100 && b[1] is >= 64 and <= 127);
        }

        return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
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

    private static ValidationFailedException Refused(string field, string message) => new([new FieldError(field, message)]);
}
