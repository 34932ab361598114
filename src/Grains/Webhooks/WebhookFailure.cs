using System.Globalization;
using System.Net.Sockets;
using System.Security.Authentication;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// Why a delivery failed, as the delivery log keeps it: a category a program can act on and a short fixed sentence.
/// Never the exception's own text, which can name our hosts, addresses, proxies or libraries.
/// </summary>
public sealed record WebhookFailure(string Category, string Message)
{
    public static readonly WebhookFailure Timeout = new("timeout", "The receiver did not answer in time.");
    public static readonly WebhookFailure DnsFailure = new("dns_failure", "The receiver's host name did not resolve.");
    public static readonly WebhookFailure AddressRefused = new("address_refused", "The receiver's address is private, loopback or reserved; webhooks are sent to public addresses only.");
    public static readonly WebhookFailure HttpsRequired = new("https_required", "The URL is not https; webhooks are sent over https only.");
    public static readonly WebhookFailure ConnectionRefused = new("connection_refused", "The receiver refused the connection.");
    public static readonly WebhookFailure ConnectionFailed = new("connection_failed", "Could not connect to the receiver.");
    public static readonly WebhookFailure TlsFailure = new("tls_failure", "The TLS handshake with the receiver failed (its certificate or protocol).");
    public static readonly WebhookFailure InvalidResponse = new("invalid_response", "The receiver's answer was not valid HTTP.");
    public static readonly WebhookFailure Unknown = new("unknown", "The delivery failed.");

    /// <summary>The receiver answered with a status that is not a success: <c>http_503</c>.</summary>
    public static WebhookFailure Status(int status) =>
        new(string.Create(CultureInfo.InvariantCulture, $"http_{status}"), string.Create(CultureInfo.InvariantCulture, $"The receiver answered {status}."));

    /// <summary>The category of a failed send, from the exception HttpClient threw and the ones inside it.</summary>
    public static WebhookFailure Of(Exception error)
    {
        for (var inner = error; inner is not null; inner = inner.InnerException)
        {
            switch (inner)
            {
                case WebhookRefusedException refused:
                    return refused.Failure;
                case TimeoutException:
                    return Timeout;
                case AuthenticationException:
                    return TlsFailure;
                case SocketException socket:
                    return socket.SocketErrorCode switch
                    {
                        SocketError.ConnectionRefused => ConnectionRefused,
                        SocketError.HostNotFound or SocketError.TryAgain or SocketError.NoData => DnsFailure,
                        SocketError.TimedOut => Timeout,
                        _ => ConnectionFailed,
                    };
            }
        }

        return error switch
        {
            TaskCanceledException => Timeout,
            HttpRequestException { HttpRequestError: HttpRequestError.NameResolutionError } => DnsFailure,
            HttpRequestException { HttpRequestError: HttpRequestError.SecureConnectionError } => TlsFailure,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError } => ConnectionFailed,
            HttpRequestException { HttpRequestError: HttpRequestError.InvalidResponse or HttpRequestError.ResponseEnded or HttpRequestError.HttpProtocolError } =>
                InvalidResponse,
            _ => Unknown,
        };
    }
}

/// <summary>A send stopped by our own rules before anything reached the receiver (an address or scheme we do not send to).</summary>
public sealed class WebhookRefusedException(WebhookFailure failure) : IOException(failure.Message)
{
    public WebhookFailure Failure { get; } = failure;
}
