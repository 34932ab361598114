using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Tests.Infrastructure;
using Microsoft.IdentityModel.Tokens;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>An access token's lifetime is judged by the product's clock, with the configured skew either side.</summary>
public sealed class TokenLifetimeTests
{
    private static readonly DateTime IssuedAt = new(2027, 2, 28, 23, 30, 0, DateTimeKind.Utc);
    private static readonly TokenValidationParameters Parameters = new() { ClockSkew = TimeSpan.FromSeconds(30) };

    [Theory]
    [InlineData(-29)] // the product's clock a little behind the issuer's: within the skew
    [InlineData(0)]
    [InlineData(3629)] // an hour and 29 s on: expired by the clock, still within the skew
    public void A_token_within_its_hour_and_the_skew_is_valid(int secondsAfterIssue)
    {
        var clock = TestClock.Standing(IssuedAt.AddSeconds(secondsAfterIssue));
        Assert.True(TokenLifetime.By(clock)(IssuedAt, IssuedAt.AddHours(1), null!, Parameters));
    }

    [Fact]
    public void A_token_past_its_hour_and_the_skew_has_expired()
    {
        var clock = TestClock.Standing(IssuedAt.AddHours(1).AddSeconds(31));
        var expired = Assert.Throws<SecurityTokenExpiredException>(() => TokenLifetime.By(clock)(IssuedAt, IssuedAt.AddHours(1), null!, Parameters));
        Assert.Equal(IssuedAt.AddHours(1), expired.Expires);
    }

    [Fact]
    public void A_token_from_the_future_beyond_the_skew_is_not_valid_yet()
    {
        var clock = TestClock.Standing(IssuedAt.AddSeconds(-31));
        var early = Assert.Throws<SecurityTokenNotYetValidException>(() => TokenLifetime.By(clock)(IssuedAt, IssuedAt.AddHours(1), null!, Parameters));
        Assert.Equal(IssuedAt, early.NotBefore);
    }

    [Fact]
    public void A_token_without_an_expiry_or_ending_before_it_begins_is_refused()
    {
        var clock = TestClock.Standing(IssuedAt);
        Assert.Throws<SecurityTokenNoExpirationException>(() => TokenLifetime.By(clock)(IssuedAt, null, null!, Parameters));
        Assert.Throws<SecurityTokenInvalidLifetimeException>(() => TokenLifetime.By(clock)(IssuedAt, IssuedAt.AddSeconds(-1), null!, Parameters));
    }
}
