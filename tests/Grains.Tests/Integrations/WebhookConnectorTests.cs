using System.Net;
using System.Net.Sockets;
using InventoryProFlow.Grains.Webhooks;

namespace InventoryProFlow.Grains.Tests.Integrations;

/// <summary>
/// A delivery connects to the address its own check approved, resolved once per connection: a name that answers
/// a public address when checked and a private one later (DNS rebinding) is refused at connect time.
/// </summary>
public sealed class WebhookConnectorTests
{
    [Fact]
    public async Task A_name_that_rebinds_to_a_private_address_is_refused_at_the_next_connection()
    {
        var dns = new ScriptedDns([IPAddress.Parse("93.184.215.14")], [IPAddress.Parse("10.0.0.7")]);
        var connector = new WebhookConnector(allowPrivate: false, dns.Resolve);

        Assert.Equal([IPAddress.Parse("93.184.215.14")], await connector.Addresses("hooks.example.com", CancellationToken.None));
        var refused = await Assert.ThrowsAsync<WebhookRefusedException>(() => connector.Addresses("hooks.example.com", CancellationToken.None));

        Assert.Equal("address_refused", refused.Failure.Category);
        Assert.Equal(2, dns.Lookups);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("127.0.0.1")]
    [InlineData("198.18.0.1")]
    [InlineData("64:ff9b::a9fe:a9fe")]
    public async Task A_name_with_any_private_or_reserved_answer_is_refused(string inward)
    {
        var connector = new WebhookConnector(allowPrivate: false, new ScriptedDns([IPAddress.Parse("93.184.215.14"), IPAddress.Parse(inward)]).Resolve);

        var refused = await Assert.ThrowsAsync<WebhookRefusedException>(() => connector.Addresses("hooks.example.com", CancellationToken.None));

        Assert.Equal("address_refused", refused.Failure.Category);
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_is_a_dns_failure()
    {
        var connector = new WebhookConnector(allowPrivate: false, (_, _) => throw new SocketException((int)SocketError.HostNotFound));

        var refused = await Assert.ThrowsAsync<WebhookRefusedException>(() => connector.Addresses("nowhere.example", CancellationToken.None));

        Assert.Equal("dns_failure", refused.Failure.Category);
    }

    [Fact]
    public async Task The_request_goes_to_the_address_the_connector_resolved_and_to_no_other()
    {
        // "receiver.invalid" cannot resolve in real DNS: the request arrives only if the handler used the connector's answer.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var dns = new ScriptedDns([IPAddress.Loopback]);
        using var http = Client(new WebhookConnector(allowPrivate: true, dns.Resolve));

        var sending = http.GetAsync(new Uri($"http://receiver.invalid:{port}/hook"));
        using var accepted = await listener.AcceptTcpClientAsync().WaitAsync(TimeSpan.FromSeconds(20));
        var stream = accepted.GetStream();
        var buffer = new byte[4096];
        var read = await stream.ReadAsync(buffer);
        await stream.WriteAsync("HTTP/1.1 204 No Content\r\nConnection: close\r\n\r\n"u8.ToArray());
        using var response = await sending;

        Assert.StartsWith("GET /hook HTTP/1.1", System.Text.Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Equal(1, dns.Lookups);
    }

    [Theory]
    [InlineData("https://localhost:1/hook", "address_refused", 1)]
    [InlineData("http://receiver.invalid:1/hook", "https_required", 0)]
    public async Task Outside_development_a_send_to_a_private_name_or_over_plain_http_never_connects(string url, string category, int lookups)
    {
        var dns = new ScriptedDns([IPAddress.Loopback]);
        using var http = Client(new WebhookConnector(allowPrivate: false, dns.Resolve));

        var error = await Assert.ThrowsAsync<HttpRequestException>(() => http.PostAsync(new Uri(url), null));

        Assert.Equal((category, lookups), (WebhookFailure.Of(error).Category, dns.Lookups));
    }

    private static HttpClient Client(WebhookConnector connector) =>
        new(new SocketsHttpHandler { UseProxy = false, ConnectCallback = connector.Connect }) { Timeout = TimeSpan.FromSeconds(20) };

    /// <summary>Answers each lookup with the next list of addresses, and the last list for every lookup after.</summary>
    private sealed class ScriptedDns(params IPAddress[][] answers)
    {
        public int Lookups { get; private set; }

        public Task<IPAddress[]> Resolve(string host, CancellationToken cancellation) =>
            Task.FromResult(answers[Math.Min(Lookups++, answers.Length - 1)]);
    }
}
