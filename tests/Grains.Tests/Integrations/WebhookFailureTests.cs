using System.Net.Sockets;
using System.Security.Authentication;
using InventoryProFlow.Grains.Webhooks;

namespace InventoryProFlow.Grains.Tests.Integrations;

/// <summary>The delivery log keeps a category and a fixed sentence, never an exception's text.</summary>
public sealed class WebhookFailureTests
{
    public static TheoryData<Exception, string> Failures => new()
    {
        { new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 10 seconds elapsing.", new TimeoutException()), "timeout" },
        { Wrapped(HttpRequestError.ConnectionError, new SocketException((int)SocketError.ConnectionRefused)), "connection_refused" },
        { Wrapped(HttpRequestError.NameResolutionError, new SocketException((int)SocketError.HostNotFound)), "dns_failure" },
        { Wrapped(HttpRequestError.ConnectionError, new SocketException((int)SocketError.NetworkUnreachable)), "connection_failed" },
        { Wrapped(HttpRequestError.SecureConnectionError, new AuthenticationException("The remote certificate is invalid: internal-ca.corp.local")), "tls_failure" },
        { Wrapped(HttpRequestError.ConnectionError, new WebhookRefusedException(WebhookFailure.AddressRefused)), "address_refused" },
        { Wrapped(HttpRequestError.InvalidResponse, null), "invalid_response" },
        { new HttpRequestException("something new"), "unknown" },
    };

    [Theory]
    [MemberData(nameof(Failures))]
    public void Each_failure_has_its_category_and_a_message_that_names_nothing_of_ours(Exception error, string category)
    {
        var failure = WebhookFailure.Of(error);

        Assert.Equal(category, failure.Category);
        Assert.DoesNotContain(error.Message, failure.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("corp.local", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_status_that_is_not_a_success_is_its_own_category() =>
        Assert.Equal(new WebhookFailure("http_503", "The receiver answered 503."), WebhookFailure.Status(503));

    private static HttpRequestException Wrapped(HttpRequestError kind, Exception? inner) =>
        new(kind, "Connection refused (10.1.2.3:443) via proxy.corp.local", inner);
}
