using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>Mailed links expire on the product's clock: a verification link after a day, an invitation after a week.</summary>
public sealed class LinkExpiryTests : IAsyncLifetime
{
    private readonly TestClock _clock = TestClock.Running(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private ProductHost _host = null!;

    public async Task InitializeAsync() => _host = await ProductHost.StartAsync(clock: _clock);

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();

    [Fact]
    public async Task A_verification_link_older_than_a_day_is_LINK_EXPIRED_and_a_new_one_works()
    {
        var email = $"late-{Guid.NewGuid():N}@example.com";
        (await _host.Client().PostAsync("/api/v1/auth/register", new { organizationName = "Late Bar", businessType = "bar", email, password = Tenant.Password, firstName = "La", lastName = "Te" }))
            .ShouldSucceed(HttpStatusCode.Accepted);
        var token = await _host.Links.TokenAsync(email, AccountLinks.Verification);

        _clock.Advance(TimeSpan.FromHours(24));

        var expired = (await _host.Client().PostAsync("/api/v1/auth/verify-email", new { token })).ShouldFail(HttpStatusCode.BadRequest, "LINK_EXPIRED");
        Assert.Equal(["token"], expired.ErrorFields);
        // Still a sign-up waiting: its owner asks for a new link, which works.
        (await _host.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password })).ShouldFail(HttpStatusCode.Forbidden, "EMAIL_NOT_VERIFIED");
        (await _host.Client().PostAsync("/api/v1/auth/verify-email/resend", new { email })).ShouldSucceed(HttpStatusCode.Accepted);
        await _host.VerifyAsync(email, seen: 1);
        (await _host.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password })).ShouldSucceed();
    }

    [Fact]
    public async Task An_invitation_older_than_a_week_is_LINK_EXPIRED()
    {
        var owner = await _host.SignUpAsync();
        var email = $"slow-{Guid.NewGuid():N}@example.com";
        (await _host.Client(owner.AdminToken).PostAsync("/api/v1/users", new { email, firstName = "Slow", lastName = "Reader", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created);
        var token = await _host.Links.TokenAsync(email, AccountLinks.Invitation);

        _clock.Advance(TimeSpan.FromDays(7));

        (await _host.Client().PostAsync("/api/v1/auth/accept-invitation", new { token, password = "Too-Late-Now-42!" })).ShouldFail(HttpStatusCode.BadRequest, "LINK_EXPIRED");
    }
}
