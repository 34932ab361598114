using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// The platform operator (an admin of the operator's organisation, enterprise here so its own calls are not limited)
/// sets organisations' tiers and statuses; each change holds from the organisation's very next request. Small hourly
/// allowances (starter 3, professional 5) on a clock that stands still, so only the gate can make a change show.
/// </summary>
public sealed class SubscriptionTests(SubscriptionTests.Host host) : IClassFixture<SubscriptionTests.Host>
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    private ApiClient Operator => host.Product.Client(host.OperatorToken);

    [Fact]
    public async Task A_tier_raised_by_the_operator_holds_from_the_organisations_very_next_call_and_is_audited()
    {
        var owner = await host.Product.SignUpAsync();
        var api = host.Product.Client(owner.AdminToken);
        var reset = RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), Hour);
        (await api.GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).ShouldSucceed().ShouldShowLimit(3, 2, reset);

        var changed = (await Operator.PatchAsync(Change(owner), new { subscriptionTier = "professional" })).ShouldSucceed().Data;

        Assert.Equal("professional", changed.GetProperty("subscriptionTier").GetString());
        Assert.Equal("active", changed.GetProperty("subscriptionStatus").GetString());
        Assert.Equal(5, changed.GetProperty("callsPerHour").GetInt32());
        Assert.Equal(1, changed.GetProperty("callsThisHour").GetInt32());
        // The organisation's record shows it too, though its grain had read the row before.
        var record = (await api.GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).ShouldSucceed().ShouldShowLimit(5, 3, reset).Data;
        Assert.Equal("professional", record.GetProperty("subscriptionTier").GetString());

        (await api.GetAsync("/api/v1/suppliers")).ShouldSucceed().ShouldShowLimit(5, 2, reset);
        (await api.GetAsync("/api/v1/products")).ShouldSucceed().ShouldShowLimit(5, 1, reset);

        // Lowered again below the four calls spent: nothing remains this hour, and the next call is refused.
        (await Operator.PatchAsync(Change(owner), new { subscriptionTier = "starter" })).ShouldSucceed();
        (await api.GetAsync("/api/v1/locations")).ShouldFail(HttpStatusCode.TooManyRequests, "RATE_LIMITED").ShouldShowLimit(3, 0, reset);

        var entries = await AuditEntriesAsync(owner.OrganizationId);
        Assert.Equal(
            [
                ("starter", "professional", host.OperatorUserId),
                ("professional", "starter", host.OperatorUserId),
            ],
            entries);
    }

    [Fact]
    public async Task A_suspended_organisation_is_refused_calls_sign_in_refresh_client_tokens_and_POS_pushes_until_reactivated()
    {
        var owner = await host.Product.SignUpAsync();
        var admin = host.Product.Client(owner.AdminToken);
        // Enterprise, so the many calls of this test are not limited.
        (await Operator.PatchAsync(Change(owner), new { subscriptionTier = "enterprise" })).ShouldSucceed();
        var client = (await admin.PostAsync("/api/v1/integrations/clients", new { name = "Scale", scopes = new[] { "inventory:read" } })).ShouldSucceed(HttpStatusCode.Created).Data;
        var (clientId, clientSecret) = (client.GetProperty("id").GetString()!, client.GetProperty("clientSecret").GetString()!);
        var clientToken = await ClientTokenOfAsync(clientId, clientSecret);
        var location = Guid.Parse((await admin.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!);
        var pos = await PosAsync(admin);
        var signIn = (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email = owner.AdminEmail, password = Tenant.Password })).ShouldSucceed().Data;
        var refreshToken = signIn.GetProperty("refreshToken").GetString()!;
        var lastLogin = await LastLoginAsync(owner);

        (await Operator.PatchAsync(Change(owner), new { subscriptionStatus = "suspended" })).ShouldSucceed();

        var refused = (await admin.GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
        Assert.Contains("suspended", refused.ErrorMessage, StringComparison.Ordinal);
        (await host.Product.Client(clientToken).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
        (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email = owner.AdminEmail, password = Tenant.Password })).ShouldFail(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
        // Only whoever knows the password learns of the suspension.
        (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email = owner.AdminEmail, password = Tenant.Password + "x" }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        (await host.Product.Client().PostAsync("/api/v1/auth/refresh", new { refreshToken })).ShouldFail(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
        Assert.Equal(HttpStatusCode.Forbidden, (await ClientTokenAsync(clientId, clientSecret)).Status);
        (await PushAsync(pos, location)).ShouldFail(HttpStatusCode.Forbidden, "ACCOUNT_SUSPENDED");
        // Nothing changed: no sign-in recorded, the refresh token not spent, no sale.
        Assert.Equal(lastLogin, await LastLoginAsync(owner));
        Assert.Equal(0L, await host.Product.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.refresh_tokens t JOIN app.users u ON u.id = t.user_id WHERE u.organization_id = @org AND t.used_at IS NOT NULL",
            ("org", owner.OrganizationId)));
        Assert.Equal(0L, await SalesAsync(owner));

        (await Operator.PatchAsync(Change(owner), new { subscriptionStatus = "active" })).ShouldSucceed();

        (await admin.GetAsync("/api/v1/products")).ShouldSucceed();
        (await host.Product.Client(clientToken).GetAsync("/api/v1/products")).ShouldSucceed();
        (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email = owner.AdminEmail, password = Tenant.Password })).ShouldSucceed();
        (await host.Product.Client().PostAsync("/api/v1/auth/refresh", new { refreshToken })).ShouldSucceed();
        await ClientTokenOfAsync(clientId, clientSecret);
        (await PushAsync(pos, location)).ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(1L, await SalesAsync(owner));
    }

    [Fact]
    public async Task A_past_due_organisation_is_served_and_told_in_a_header()
    {
        var owner = await host.Product.SignUpAsync();
        var api = host.Product.Client(owner.AdminToken);
        Assert.False((await api.GetAsync("/api/v1/locations")).ShouldSucceed().Headers.Contains("X-Subscription-Status"));

        (await Operator.PatchAsync(Change(owner), new { subscriptionStatus = "past_due" })).ShouldSucceed();

        var served = (await api.GetAsync($"/api/v1/organizations/{owner.OrganizationId}")).ShouldSucceed();
        Assert.Equal("past_due", served.Headers.GetValues("X-Subscription-Status").Single());
        Assert.Equal("past_due", served.Data.GetProperty("subscriptionStatus").GetString());
    }

    [Fact]
    public async Task The_operator_lists_organisations_with_tier_status_and_usage()
    {
        var owner = await host.Product.SignUpAsync();
        await host.Product.Client(owner.AdminToken).GetAsync("/api/v1/locations");
        (await Operator.PatchAsync(Change(owner), new { subscriptionStatus = "past_due" })).ShouldSucceed();

        var listed = await AllListedAsync("/api/v1/operator/organizations?limit=200");
        var row = listed.Single(o => o.GetProperty("id").GetString() == owner.OrganizationId.ToString());
        var usage = row.GetProperty("usage");
        Assert.Equal("starter", usage.GetProperty("subscriptionTier").GetString());
        Assert.Equal("past_due", usage.GetProperty("subscriptionStatus").GetString());
        Assert.Equal(3, usage.GetProperty("callsPerHour").GetInt32());
        Assert.Equal(1, usage.GetProperty("callsThisHour").GetInt32());
        Assert.Equal(2, usage.GetProperty("remaining").GetInt32());

        var pastDue = await AllListedAsync("/api/v1/operator/organizations?status=past_due&limit=200");
        Assert.Contains(pastDue, o => o.GetProperty("id").GetString() == owner.OrganizationId.ToString());
        Assert.All(pastDue, o => Assert.Equal("past_due", o.GetProperty("usage").GetProperty("subscriptionStatus").GetString()));
        Assert.Contains("status", (await Operator.GetAsync("/api/v1/operator/organizations?status=closed")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
    }

    [Fact]
    public async Task Only_admins_of_the_operators_organisation_see_or_change_subscriptions()
    {
        var owner = await host.Product.SignUpAsync();
        var other = await host.Product.SignUpAsync();
        var otherAdmin = host.Product.Client(other.AdminToken);

        (await otherAdmin.GetAsync("/api/v1/operator/organizations")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await otherAdmin.PatchAsync(Change(owner), new { subscriptionTier = "enterprise" })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        // Not even its own organisation: the tier is the operator's to set.
        (await otherAdmin.PatchAsync(Change(other), new { subscriptionTier = "enterprise" })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        var manager = host.Product.Client(await host.OperatorsUserAsync("manager"));
        (await manager.PatchAsync(Change(owner), new { subscriptionTier = "enterprise" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await manager.GetAsync("/api/v1/operator/organizations")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");

        Assert.Equal("starter", await TierAsync(owner.OrganizationId));
        Assert.Equal("starter", await TierAsync(other.OrganizationId));
        Assert.Empty(await AuditEntriesAsync(owner.OrganizationId));
        Assert.Empty(await AuditEntriesAsync(other.OrganizationId));
    }

    [Fact]
    public async Task Bad_tiers_and_statuses_are_refused_400_and_change_nothing()
    {
        var owner = await host.Product.SignUpAsync();

        var refused = (await Operator.PatchAsync(Change(owner), new { subscriptionTier = "gold", subscriptionStatus = "closed" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["subscriptionTier", "subscriptionStatus"], refused.ErrorFields);
        Assert.Equal("subscriptionTier must be one of: starter, professional, enterprise.", refused.ErrorMessage.Split(" (and ")[0]);
        (await Operator.PatchAsync(Change(owner), new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await Operator.PatchAsync(Change(owner), new { subscriptionTier = "Professional" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await Operator.PatchAsync(Change(owner), new { subscriptionStatus = 3 })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await Operator.PatchAsync($"/api/v1/operator/organizations/{Guid.NewGuid()}", new { subscriptionStatus = "suspended" })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        // The operator's own organisation: suspending it would lock the platform out.
        var self = (await Operator.PatchAsync($"/api/v1/operator/organizations/{host.OperatorOrganizationId}", new { subscriptionStatus = "suspended" }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["subscriptionStatus"], self.ErrorFields);
        (await Operator.GetAsync("/api/v1/locations")).ShouldSucceed();

        Assert.Equal("starter", await TierAsync(owner.OrganizationId));
        Assert.Equal("active", await host.Product.Database.ScalarAsync<string>("SELECT subscription_status FROM app.organizations WHERE id = @id", ("id", owner.OrganizationId)));
        Assert.Equal("active", await host.Product.Database.ScalarAsync<string>("SELECT subscription_status FROM app.organizations WHERE id = @id", ("id", host.OperatorOrganizationId)));
        Assert.Empty(await AuditEntriesAsync(owner.OrganizationId));
    }

    [Fact]
    public async Task An_admin_reads_the_hours_usage_and_it_equals_the_rate_limit_headers()
    {
        var owner = await host.Product.SignUpAsync();
        var api = host.Product.Client(owner.AdminToken);
        await api.GetAsync("/api/v1/locations");

        var answer = (await api.GetAsync($"/api/v1/organizations/{owner.OrganizationId}/usage")).ShouldSucceed();

        var usage = answer.Data;
        Assert.Equal("starter", usage.GetProperty("subscriptionTier").GetString());
        Assert.Equal("active", usage.GetProperty("subscriptionStatus").GetString());
        Assert.Equal(2, usage.GetProperty("callsThisHour").GetInt32());
        Assert.Equal(answer.Headers.GetValues("X-RateLimit-Limit").Single(), usage.GetProperty("callsPerHour").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(answer.Headers.GetValues("X-RateLimit-Remaining").Single(), usage.GetProperty("remaining").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(long.Parse(answer.Headers.GetValues("X-RateLimit-Reset").Single(), System.Globalization.CultureInfo.InvariantCulture), usage.GetProperty("resetsAt").GetDateTimeOffset().ToUnixTimeSeconds());
        Assert.Equal(RateLimitExpectations.WindowEnd(host.Clock.GetUtcNow(), Hour), usage.GetProperty("resetsAt").GetDateTimeOffset());

        // Another organisation's usage does not exist for this admin.
        var other = await host.Product.SignUpAsync();
        (await host.Product.Client(other.AdminToken).GetAsync($"/api/v1/organizations/{owner.OrganizationId}/usage")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private static string Change(SignUp organization) => $"/api/v1/operator/organizations/{organization.OrganizationId}";

    // An unknown sku: the line is queued as unmapped, which is how this test sees that a push was taken.
    private Task<ApiResponse> PushAsync(PosClient pos, Guid location) => pos.PushAsync(
        new { type = "sale.created", data = new { transactionId = $"T-{Guid.NewGuid():N}", locationId = location, items = new[] { new { sku = "NO-SUCH-SKU", quantity = 1 } } } },
        signedAt: host.Clock.GetUtcNow());

    private async Task<PosClient> PosAsync(ApiClient admin)
    {
        var issued = (await admin.PostAsync("/api/v1/integrations", new { name = "Square", kind = "pos" })).ShouldSucceed(HttpStatusCode.Created).Data;
        return new PosClient(host.Product, issued.GetProperty("apiKey").GetString()!, issued.GetProperty("webhookSecret").GetString()!);
    }

    private Task<ApiResponse> ClientTokenAsync(string id, string secret) =>
        host.Product.Client().PostAsync("/api/v1/auth/token", new { grant_type = "client_credentials", client_id = id, client_secret = secret });

    private async Task<string> ClientTokenOfAsync(string id, string secret)
    {
        var answer = await ClientTokenAsync(id, secret);
        Assert.True(answer.Status == HttpStatusCode.OK, $"Expected a client token, got {(int)answer.Status}: {answer.Body}");
        return answer.Body.GetProperty("access_token").GetString()!;
    }

    private Task<long> SalesAsync(SignUp organization) => host.Product.Database.ScalarAsync<long>(
        "SELECT count(*) FROM app.unmapped_items WHERE organization_id = @org", ("org", organization.OrganizationId));

    private Task<DateTime> LastLoginAsync(SignUp organization) => host.Product.Database.ScalarAsync<DateTime>(
        "SELECT last_login_at FROM app.users WHERE email = @email", ("email", organization.AdminEmail));

    private Task<string> TierAsync(Guid organizationId) =>
        host.Product.Database.ScalarAsync<string>("SELECT subscription_tier FROM app.organizations WHERE id = @id", ("id", organizationId));

    private async Task<List<(string Before, string After, Guid? By)>> AuditEntriesAsync(Guid organizationId)
    {
        var json = await host.Product.Database.ScalarAsync<string>(
            "SELECT coalesce(json_agg(json_build_array(before->>'subscriptionTier', after->>'subscriptionTier', user_id) ORDER BY sequence), '[]')::text " +
            "FROM app.audit_log WHERE organization_id = @org AND action = 'organization.subscription_changed'",
            ("org", organizationId));
        using var entries = JsonDocument.Parse(json);
        return entries.RootElement.EnumerateArray()
            .Select(e => (e[0].GetString()!, e[1].GetString()!, e[2].ValueKind == JsonValueKind.Null ? (Guid?)null : e[2].GetGuid()))
            .ToList();
    }

    private async Task<List<JsonElement>> AllListedAsync(string path) =>
        [.. (await Operator.GetAsync(path)).ShouldSucceed().Data.GetProperty("items").EnumerateArray()];

    /// <summary>One product whose operator's organisation (the bootstrap admin's) is enterprise, with small allowances for the rest.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private const string OperatorEmail = "operator@example.com";

        public TestClock Clock { get; } = TestClock.Standing(new DateTimeOffset(2026, 3, 2, 15, 20, 0, TimeSpan.Zero));

        public ProductHost Product { get; private set; } = null!;

        public Guid OperatorOrganizationId { get; private set; }

        public Guid OperatorUserId { get; private set; }

        public string OperatorToken { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            var connectionString = await TestPostgres.CreateDatabaseAsync();
            var dataFolder = Directory.CreateTempSubdirectory("ipf-subscriptions-").FullName;
            var settings = new Dictionary<string, string?>
            {
                ["IPF_ADMIN_EMAIL"] = OperatorEmail,
                ["RateLimits:StarterCallsPerHour"] = "3",
                ["RateLimits:ProfessionalCallsPerHour"] = "5",
            };
            await using (var first = await ProductHost.StartAsync(connectionString, dataFolder, settings, clock: Clock))
            {
                OperatorOrganizationId = Guid.Parse((await SignInAsync(first)).GetProperty("user").GetProperty("organizationId").GetString()!);
            }

            // As billing would, before the operator's organisation's first signed-in call on the host the tests use.
            await new Database(connectionString).TamperAsync("UPDATE app.organizations SET subscription_tier = 'enterprise' WHERE id = @id", ("id", OperatorOrganizationId));
            settings["Operations:OperatorOrganizationId"] = OperatorOrganizationId.ToString();
            Product = await ProductHost.StartAsync(connectionString, dataFolder, settings, clock: Clock);
            var session = await SignInAsync(Product);
            OperatorToken = session.GetProperty("accessToken").GetString()!;
            OperatorUserId = Guid.Parse(session.GetProperty("user").GetProperty("id").GetString()!);
        }

        /// <summary>Adds a user of a role to the operator's organisation and answers their access token.</summary>
        public async Task<string> OperatorsUserAsync(string role)
        {
            var email = $"{role}-{Guid.NewGuid():N}@example.com";
            (await Product.Client(OperatorToken).PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Pat", lastName = role, role }))
                .ShouldSucceed(HttpStatusCode.Created);
            await Product.AcceptInvitationAsync(email, password: null);
            return (await Product.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password })).ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
        }

        public async Task DisposeAsync() => await Product.DisposeAsync();

        private static async Task<JsonElement> SignInAsync(ProductHost host) =>
            (await host.Client().PostAsync("/api/v1/auth/login", new { email = OperatorEmail, password = "Bootstrap-Admin-1" })).ShouldSucceed().Data;
    }
}
