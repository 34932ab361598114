using System.Text;
using InventoryProFlow.Grains.Integrations;

namespace InventoryProFlow.Grains.Tests.Integrations;

public sealed class WebhookSignatureTests
{
    private const string Secret = "whsec_5f2b0c9e";
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("{\"type\":\"sale.created\"}");
    private static readonly DateTimeOffset SignedAt = DateTimeOffset.FromUnixTimeSeconds(1764120000);

    // Computed apart from our code: Python's hmac.new(secret, b"1764120000." + body, sha256).hexdigest().
    private const string Expected = "t=1764120000,v1=e6c5912fb69b38e9458a20c5026cd87efa4a2778452efc2194f4293c5053f67b";

    [Fact]
    public void Signs_the_timestamp_and_the_raw_body_as_Stripe_does() =>
        Assert.Equal(Expected, WebhookSignature.Sign(Secret, SignedAt, Body));

    [Fact]
    public void Accepts_its_own_signature_within_five_minutes_and_any_matching_v1_of_several()
    {
        Assert.Null(WebhookSignature.Problem(Expected, Secret, SignedAt.AddMinutes(4), Body));
        Assert.Null(WebhookSignature.Problem($"t=1764120000,v1={new string('0', 64)},{Expected[13..]}", Secret, SignedAt, Body));
    }

    [Theory]
    [InlineData(null, "missing")]
    [InlineData("", "missing")]
    [InlineData("v1=abc", "must read")]
    [InlineData("t=1764120000", "must read")]
    [InlineData("t=soon,v1=e6c5912fb69b38e9458a20c5026cd87efa4a2778452efc2194f4293c5053f67b", "must read")]
    [InlineData("t=1764120000,v1=zz", "must read")]
    [InlineData("t=99999999999999999,v1=e6c5912fb69b38e9458a20c5026cd87efa4a2778452efc2194f4293c5053f67b", "minutes")]
    public void Refuses_a_header_it_cannot_read(string? header, string reason) =>
        Assert.Contains(reason, WebhookSignature.Problem(header, Secret, SignedAt, Body), StringComparison.Ordinal);

    [Fact]
    public void Refuses_a_stale_timestamp_a_changed_body_and_a_wrong_secret()
    {
        Assert.Contains("minutes", WebhookSignature.Problem(Expected, Secret, SignedAt.AddMinutes(6), Body), StringComparison.Ordinal);
        Assert.Contains("minutes", WebhookSignature.Problem(Expected, Secret, SignedAt.AddMinutes(-6), Body), StringComparison.Ordinal);
        Assert.Contains("does not match", WebhookSignature.Problem(Expected, Secret, SignedAt, Encoding.UTF8.GetBytes("{\"type\":\"sale.created \"}")), StringComparison.Ordinal);
        Assert.Contains("does not match", WebhookSignature.Problem(Expected, "whsec_other", SignedAt, Body), StringComparison.Ordinal);
    }
}
