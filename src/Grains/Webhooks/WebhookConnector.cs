using System.Net;
using System.Net.Sockets;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// Opens a delivery's connection (<see cref="SocketsHttpHandler.ConnectCallback"/>): resolves the receiver's name once,
/// refuses it when any address it resolves to is private or reserved (unless private addresses are allowed), and
/// connects to exactly the addresses it checked. Checking a name and then letting HttpClient resolve it again would
/// let a DNS answer that changes in between (DNS rebinding) reach 10.x or 169.254.169.254. Outside development it
/// also refuses to open a connection for a plain-http URL, so a webhook stored before https was required is not sent.
/// </summary>
public sealed class WebhookConnector(bool allowPrivate, Func<string, CancellationToken, Task<IPAddress[]>> resolve)
{
    public static WebhookConnector UsingDns(bool allowPrivate) => new(allowPrivate, Dns.GetHostAddressesAsync);

    /// <summary>The addresses a connection to <paramref name="host"/> may use: resolved once, every one allowed.</summary>
    public async Task<IPAddress[]> Addresses(string host, CancellationToken cancellation)
    {
        host = host.Trim('[', ']');
        IPAddress[] addresses;
        if (IPAddress.TryParse(host, out var literal))
        {
            addresses = [literal];
        }
        else
        {
            try
            {
                addresses = await resolve(host, cancellation);
            }
            catch (SocketException)
            {
                throw new WebhookRefusedException(WebhookFailure.DnsFailure);
            }
        }

        if (addresses.Length == 0)
        {
            throw new WebhookRefusedException(WebhookFailure.DnsFailure);
        }

        // As at creation, one inward answer refuses the name: a receiver has no reason to point at our network at all.
        if (!allowPrivate && addresses.Any(WebhookUrls.IsPrivate))
        {
            throw new WebhookRefusedException(WebhookFailure.AddressRefused);
        }

        return addresses;
    }

    /// <summary>The handler's connect step; the handler must not use a proxy, or this would connect to the proxy instead.</summary>
    public async ValueTask<Stream> Connect(SocketsHttpConnectionContext context, CancellationToken cancellation)
    {
        if (!allowPrivate && context.InitialRequestMessage.RequestUri?.Scheme != Uri.UriSchemeHttps)
        {
            throw new WebhookRefusedException(WebhookFailure.HttpsRequired);
        }

        var addresses = await Addresses(context.DnsEndPoint.Host, cancellation);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellation);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
