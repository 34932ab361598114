using System.Net;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Webhooks;

namespace InventoryProFlow.Grains.Tests.Integrations;

public sealed class WebhookUrlsTests
{
    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("10.20.30.40")]
    [InlineData("172.16.0.1")]
    [InlineData("172.31.255.255")]
    [InlineData("192.168.1.10")]
    [InlineData("169.254.169.254")]
    [InlineData("100.64.0.1")]
    [InlineData("0.0.0.0")]
    [InlineData("::1")]
    [InlineData("fd00::1")]
    [InlineData("fe80::1")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("198.18.0.1")]
    [InlineData("198.19.255.254")]
    [InlineData("192.0.0.8")]
    [InlineData("240.0.0.1")]
    [InlineData("255.255.255.255")]
    [InlineData("224.0.0.251")]
    [InlineData("64:ff9b::a00:1")]
    [InlineData("64:ff9b::8.8.8.8")]
    [InlineData("2002:a00:1::1")]
    [InlineData("::10.0.0.1")]
    [InlineData("ff02::1")]
    public void Private_loopback_link_local_and_reserved_addresses_are_private(string address) =>
        Assert.True(WebhookUrls.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("8.8.8.8")]
    [InlineData("172.32.0.1")]
    [InlineData("100.128.0.1")]
    [InlineData("198.20.0.1")]
    [InlineData("192.0.1.1")]
    [InlineData("223.255.255.255")]
    [InlineData("2606:4700:4700::1111")]
    public void Public_addresses_are_not(string address) => Assert.False(WebhookUrls.IsPrivate(IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://127.0.0.1:8080/hook")]
    [InlineData("http://[::1]/hook")]
    [InlineData("https://10.0.0.5/hook")]
    [InlineData("http://localhost/hook")]
    public async Task In_production_a_url_that_reaches_inside_is_refused(string url)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => WebhookUrls.Check(url, allowPrivate: false));
        Assert.Equal("url", Assert.Single(refused.Details).Field);
    }

    [Theory]
    [InlineData("http://hooks.example.com/ipf")]
    [InlineData("http://8.8.8.8/hook")]
    public async Task In_production_a_url_must_be_https(string url)
    {
        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => WebhookUrls.Check(url, allowPrivate: false));
        Assert.Equal(("url", true), (Assert.Single(refused.Details).Field, refused.Message.Contains("https", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task In_production_an_https_url_at_a_public_address_is_allowed() =>
        Assert.Equal("https://8.8.8.8/hook", (await WebhookUrls.Check("https://8.8.8.8/hook", allowPrivate: false)).AbsoluteUri);

    [Fact]
    public async Task In_development_a_receiver_on_this_machine_is_allowed() =>
        Assert.Equal("http://127.0.0.1:8080/hook", (await WebhookUrls.Check("http://127.0.0.1:8080/hook", allowPrivate: true)).AbsoluteUri);

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("hook")]
    [InlineData("ftp://example.com/x")]
    [InlineData("https://user:pass@example.com/x")]
    [InlineData("https://example.com/x#part")]
    public async Task A_url_that_is_not_a_plain_http_or_https_address_is_refused(string? url) =>
        await Assert.ThrowsAsync<ValidationFailedException>(() => WebhookUrls.Check(url, allowPrivate: true));
}
