using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// Signed-in API calls per organisation per hour by tier, set small here (starter 3, professional 4, enterprise
/// unlimited) on a clock that stands twenty minutes into an hour unless a test moves it.
/// </summary>
public sealed class OrganizationRateLimitTests(OrganizationRateLimitTests.Host host) : IClassFixture<OrganizationRateLimitTests.Host>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_starter_organisation_gets_its_hours_calls_then_429_while_another_organisation_is_still_served()
    {
        var owner = await host.Product.SignUpAsync();
        var rival = await host.Product.SignUpAsync();
        var api = host.Product.Client(owner.AdminToken);
        var now = host.Clock.GetUtcNow();
        var reset = RateLimitExpectations.WindowEnd(now, Hour);

        (await api.GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).ShouldSucceed().ShouldShowLimit(3, 2, reset);
        (await api.GetAsync("/api/v1/suppliers")).ShouldSucceed().ShouldShowLimit(3, 1, reset);
        // An error answer is a call too, and still says where the caller stands.
        (await api.GetAsync($"/api/v1/suppliers/{Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND").ShouldShowLimit(3, 0, reset);

        var before = await host.Product.Database.CountsAsync();
        var refused = (await api.PostAsync("/api/v1/suppliers", new { name = "Breakthru Beverage" })).ShouldBeRateLimited(3, reset, now);
        Assert.Contains("its 3 API calls for this hour (starter tier)", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(before, await host.Product.Database.CountsAsync());

        (await host.Product.Client(rival.AdminToken).GetAsync($"/api/v1/organizations/{rival.OrganizationId}")).ShouldSucceed().ShouldShowLimit(3, 2, reset);

        // The next hour brings a new allowance.
        host.Clock.Advance(Hour);
        (await api.PostAsync("/api/v1/suppliers", new { name = "Breakthru Beverage" })).ShouldSucceed(HttpStatusCode.Created).ShouldShowLimit(3, 2, reset + Hour);
    }

    [Fact]
    public async Task Every_user_of_an_organisation_draws_on_one_allowance()
    {
        var owner = await host.Product.SignUpAsync();
        var admin = host.Product.Client(owner.AdminToken);
        var reset = RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), Hour);
        // Adding the user is the first call.
        (await admin.PostAsync("/api/v1/users", new { email = $"staff-{Guid.NewGuid():N}@example.com", password = Tenant.Password, firstName = "Pat", lastName = "Staff", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created).ShouldShowLimit(3, 2, reset);
        var staffEmail = await host.Product.Database.ScalarAsync<string>(
            "SELECT email FROM app.users WHERE organization_id = @org AND role = 'staff'", ("org", owner.OrganizationId));
        await host.Product.AcceptInvitationAsync(staffEmail, password: null);
        var staffToken = (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email = staffEmail, password = Tenant.Password }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString();
        var staff = host.Product.Client(staffToken);

        (await staff.GetAsync("/api/v1/products")).ShouldSucceed().ShouldShowLimit(3, 1, reset);
        // Refused by role, still counted: the gate stands before the role check.
        (await staff.PostAsync("/api/v1/suppliers", new { name = "Southern Glazer's" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN").ShouldShowLimit(3, 0, reset);
        (await admin.GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
    }

    [Fact]
    public async Task Each_tier_has_its_own_allowance_and_enterprise_none()
    {
        var professional = await host.Product.SignUpAsync();
        var enterprise = await host.Product.SignUpAsync();
        // As billing would; before the organisations' first signed-in call, so their gates read the tier fresh.
        await host.Product.Database.TamperAsync("UPDATE app.organizations SET subscription_tier = 'professional' WHERE id = @id", ("id", professional.OrganizationId));
        await host.Product.Database.TamperAsync("UPDATE app.organizations SET subscription_tier = 'enterprise' WHERE id = @id", ("id", enterprise.OrganizationId));
        var reset = RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), Hour);

        for (var call = 1; call <= 4; call++)
        {
            (await host.Product.Client(professional.AdminToken).GetAsync("/api/v1/locations")).ShouldSucceed().ShouldShowLimit(4, 4 - call, reset);
        }

        (await host.Product.Client(professional.AdminToken).GetAsync("/api/v1/locations")).ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED");
        for (var call = 1; call <= 6; call++)
        {
            (await host.Product.Client(enterprise.AdminToken).GetAsync("/api/v1/locations")).ShouldSucceed().ShouldShowNoLimit();
        }
    }

    [Fact]
    public async Task Requests_without_a_valid_token_are_not_counted()
    {
        var owner = await host.Product.SignUpAsync();
        var reset = RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), Hour);

        (await host.Product.Client().GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED").ShouldShowNoLimit();
        (await host.Product.Client(owner.AdminToken[..^4] + "AAAA").GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Unauthorized, "INVALID_TOKEN").ShouldShowNoLimit();

        (await host.Product.Client(owner.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed().ShouldShowLimit(3, 2, reset);
    }

    /// <summary>One product for the class with small hourly allowances.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 20, 0, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(
            settings: new Dictionary<string, string?>
            {
                ["RateLimits:StarterCallsPerHour"] = "3",
                ["RateLimits:ProfessionalCallsPerHour"] = "4",
                // A test moves the clock an hour on and calls again with the token it holds.
                ["Auth:AccessTokenMinutes"] = "120",
            },
            clock: Clock);

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
