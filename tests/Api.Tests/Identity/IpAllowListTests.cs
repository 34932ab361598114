using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Integrations;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// Enterprise IP allow-lists, on a host that trusts loopback as its proxy so each request names its client address
/// in X-Forwarded-For. Organisations become enterprise in the database, as billing would, before their first signed-in call.
/// </summary>
public sealed class IpAllowListTests(IpAllowListTests.Host host) : IClassFixture<IpAllowListTests.Host>
{
    private const string Office = "203.0.113.10";

    [Fact]
    public async Task An_enterprise_list_refuses_requests_from_outside_it_and_serves_those_inside()
    {
        var owner = await EnterpriseAsync();
        var path = AllowList(owner);

        var saved = (await host.Product.ClientFrom(Office, owner.AdminToken).PutAsync(path, new { entries = new[] { "203.0.113.0/24", "2001:DB8::/32", " 198.51.100.77 ", "203.0.113.0/24" } }))
            .ShouldSucceed().Data;
        Assert.Equal(["203.0.113.0/24", "2001:db8::/32", "198.51.100.77/32"], saved.GetProperty("entries").EnumerateArray().Select(e => e.GetString()));
        Assert.True(saved.GetProperty("enforced").GetBoolean());
        Assert.Equal("enterprise", saved.GetProperty("subscriptionTier").GetString());
        Assert.Equal(Office, saved.GetProperty("yourAddress").GetString());

        var outside = (await host.Product.ClientFrom("198.51.100.5", owner.AdminToken).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Contains("198.51.100.5 is not on it", outside.ErrorMessage, StringComparison.Ordinal);
        (await host.Product.ClientFrom("2001:db9::1", owner.AdminToken).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await host.Product.ClientFrom("198.51.100.5", owner.AdminToken).PutAsync(path, new { entries = Array.Empty<string>() })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");

        (await host.Product.ClientFrom("203.0.113.200", owner.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();
        (await host.Product.ClientFrom("2001:db8:ffff::1", owner.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();
        (await host.Product.ClientFrom("198.51.100.77", owner.AdminToken).GetAsync(path)).ShouldSucceed();

        // Every user of the organisation, not only its admin; and no one of another organisation.
        var staffToken = await StaffTokenAsync(owner);
        (await host.Product.ClientFrom("198.51.100.5", staffToken).GetAsync("/api/v1/products")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await host.Product.ClientFrom("203.0.113.11", staffToken).GetAsync("/api/v1/products")).ShouldSucceed();
        var neighbour = await EnterpriseAsync();
        (await host.Product.ClientFrom("198.51.100.5", neighbour.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();

        // Cleared, the list no longer applies.
        (await host.Product.ClientFrom(Office, owner.AdminToken).PutAsync(path, new { entries = Array.Empty<string>() })).ShouldSucceed();
        (await host.Product.ClientFrom("198.51.100.5", owner.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();
        Assert.Equal(2L, await host.Product.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.audit_log WHERE organization_id = @org AND action = 'ip_allowlist.replaced'", ("org", owner.OrganizationId)));
    }

    [Fact]
    public async Task Bad_ranges_are_refused_400_each_named_and_nothing_is_saved()
    {
        var owner = await EnterpriseAsync();

        var refused = (await host.Product.ClientFrom(Office, owner.AdminToken).PutAsync(AllowList(owner), new
        {
            entries = new[] { "203.0.113.0/24", "10.0.0.1/24", "10.0.0.0/33", "not-an-address", "", "10.1/16", "::ffff:10.0.0.0/120", "2001:db8::/129" },
        })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["entries[1]", "entries[2]", "entries[3]", "entries[4]", "entries[5]", "entries[6]", "entries[7]"], refused.ErrorFields);
        var messages = refused.Body.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("message").GetString()).ToList();
        Assert.Equal("entries[1] '10.0.0.1/24' has bits set after its /24 prefix: write 10.0.0.0/24 for the network, or 10.0.0.1/32 for the one address.", messages[0]);
        Assert.Equal("entries[2] '10.0.0.0/33' has a prefix length that is not a whole number from 0 to 32.", messages[1]);
        Assert.StartsWith("entries[3] 'not-an-address' is not an IP address or a CIDR range", messages[2], StringComparison.Ordinal);
        Assert.Equal("entries[4] is empty: give an IP address or a CIDR range.", messages[3]);
        Assert.StartsWith("entries[5] '10.1/16' is not an IPv4 address in dotted-decimal form", messages[4], StringComparison.Ordinal);
        Assert.Equal("entries[6] '::ffff:10.0.0.0/120' is an IPv4 network written as IPv6: write it as IPv4 (10.0.0.0/24).", messages[5]);
        Assert.Equal("entries[7] '2001:db8::/129' has a prefix length that is not a whole number from 0 to 128.", messages[6]);
        Assert.StartsWith("entries[1] '10.0.0.1/24' has bits set", refused.ErrorMessage, StringComparison.Ordinal);

        (await host.Product.ClientFrom(Office, owner.AdminToken).PutAsync(AllowList(owner), new { })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await host.Product.ClientFrom(Office, owner.AdminToken).PutAsync(AllowList(owner), new { entries = Enumerable.Range(0, 101).Select(i => $"10.0.{i}.0/24") }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await host.Product.ClientFrom(Office, owner.AdminToken).PutAsync(AllowList(owner), new { entries = "203.0.113.0/24" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(0, await StoredEntriesAsync(owner));
    }

    [Fact]
    public async Task A_list_that_leaves_out_the_admins_own_address_is_refused_so_no_one_locks_themselves_out()
    {
        var owner = await EnterpriseAsync();

        var refused = (await host.Product.ClientFrom("198.51.100.9", owner.AdminToken).PutAsync(AllowList(owner), new { entries = new[] { "203.0.113.0/24" } }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["entries"], refused.ErrorFields);
        Assert.Contains("leaves out 198.51.100.9, the address this request came from", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await StoredEntriesAsync(owner));
        (await host.Product.ClientFrom("198.51.100.9", owner.AdminToken).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    [Fact]
    public async Task A_starter_organisation_cannot_keep_a_list_but_may_clear_one()
    {
        var starter = await host.Product.SignUpAsync();

        var refused = (await host.Product.ClientFrom(Office, starter.AdminToken).PutAsync(AllowList(starter), new { entries = new[] { "203.0.113.0/24" } }))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");

        Assert.Contains("IP allow-lists are for enterprise organisations; yours is on the starter tier", refused.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(0, await StoredEntriesAsync(starter));
        var cleared = (await host.Product.ClientFrom(Office, starter.AdminToken).PutAsync(AllowList(starter), new { entries = Array.Empty<string>() })).ShouldSucceed().Data;
        Assert.False(cleared.GetProperty("enforced").GetBoolean());
        Assert.Equal("starter", cleared.GetProperty("subscriptionTier").GetString());
    }

    [Fact]
    public async Task Only_the_organisations_admin_sees_or_changes_its_list()
    {
        var owner = await EnterpriseAsync();
        var other = await EnterpriseAsync();
        var staffToken = await StaffTokenAsync(owner);

        (await host.Product.ClientFrom(Office, staffToken).GetAsync(AllowList(owner))).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await host.Product.ClientFrom(Office, staffToken).PutAsync(AllowList(owner), new { entries = new[] { "203.0.113.0/24" } })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await host.Product.ClientFrom(Office, other.AdminToken).PutAsync(AllowList(owner), new { entries = new[] { "203.0.113.0/24" } })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await host.Product.ClientFrom(Office, other.AdminToken).GetAsync(AllowList(owner))).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await host.Product.ClientFrom(Office).GetAsync(AllowList(owner))).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");

        var shown = (await host.Product.ClientFrom(Office, owner.AdminToken).GetAsync(AllowList(owner))).ShouldSucceed().Data;
        Assert.Equal(0, shown.GetProperty("entries").GetArrayLength());
        Assert.False(shown.GetProperty("enforced").GetBoolean());
        Assert.Equal(0, await StoredEntriesAsync(owner));
    }

    [Fact]
    public async Task Pos_pushes_client_tokens_and_refreshes_from_outside_the_list_are_refused_and_from_inside_served()
    {
        var owner = await EnterpriseAsync();
        var admin = host.Product.ClientFrom(Office, owner.AdminToken);
        var location = (await admin.PostAsync("/api/v1/locations", new { name = "Main Bar", timezone = "America/Chicago", city = "Des Moines", state = "IA" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        var pos = (await admin.PostAsync("/api/v1/integrations", new { name = "Square", kind = "pos" })).ShouldSucceed(HttpStatusCode.Created).Data;
        var client = (await admin.PostAsync("/api/v1/integrations/clients", new { name = "Sync", scopes = new[] { "inventory:read" } })).ShouldSucceed(HttpStatusCode.Created).Data;
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        (await admin.PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Pat", lastName = "Staff", role = "staff" })).ShouldSucceed(HttpStatusCode.Created);
        await host.Product.AcceptInvitationAsync(email, Tenant.Password);
        var refreshToken = (await host.Product.ClientFrom(Office).PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password }))
            .ShouldSucceed().Data.GetProperty("refreshToken").GetString();
        (await admin.PutAsync(AllowList(owner), new { entries = new[] { "203.0.113.0/24" } })).ShouldSucceed();
        var credentials = new
        {
            grant_type = "client_credentials",
            client_id = client.GetProperty("id").GetString(),
            client_secret = client.GetProperty("clientSecret").GetString(),
        };
        object Sale(string id) => new { type = "sale.created", data = new { transactionId = id, locationId = location, items = new[] { new { sku = "UNKNOWN-1", quantity = 1, price = 9m } } } };

        var push = await PushAsync("198.51.100.5", pos, Sale("outside-1"));
        var token = await host.Product.ClientFrom("198.51.100.5").PostAsync("/api/v1/auth/token", credentials);
        var refresh = await host.Product.ClientFrom("198.51.100.5").PostAsync("/api/v1/auth/refresh", new { refreshToken });

        Assert.Contains("198.51.100.5 is not on it", push.ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN").ErrorMessage, StringComparison.Ordinal);
        token.ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        refresh.ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(0L, await host.Product.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.unmapped_items WHERE organization_id = @org", ("org", owner.OrganizationId)));

        // From inside each is served; the refresh token refused outside was not spent.
        (await PushAsync("203.0.113.20", pos, Sale("inside-1"))).ShouldSucceed(HttpStatusCode.Created);
        Assert.Equal(HttpStatusCode.OK, (await host.Product.ClientFrom("203.0.113.20").PostAsync("/api/v1/auth/token", credentials)).Status);
        (await host.Product.ClientFrom("203.0.113.20").PostAsync("/api/v1/auth/refresh", new { refreshToken })).ShouldSucceed();
    }

    private Task<ApiResponse> PushAsync(string address, JsonElement pos, object payload)
    {
        var bytes = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(payload));
        var content = new ByteArrayContent(bytes) { Headers = { ContentType = new MediaTypeHeaderValue("application/json") } };
        return host.Product.ClientFrom(address).SendAsync(HttpMethod.Post, "/api/v1/integrations/pos/sales", content, request =>
        {
            request.Headers.Add("X-Api-Key", pos.GetProperty("apiKey").GetString());
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(pos.GetProperty("webhookSecret").GetString()!, DateTimeOffset.UtcNow, bytes));
        });
    }

    private static string AllowList(SignUp organization) => $"/api/v1/organizations/{organization.OrganizationId}/ip-allowlist";

    private async Task<SignUp> EnterpriseAsync()
    {
        var signUp = await host.Product.SignUpAsync();
        await host.Product.Database.TamperAsync("UPDATE app.organizations SET subscription_tier = 'enterprise' WHERE id = @id", ("id", signUp.OrganizationId));
        return signUp;
    }

    private async Task<string> StaffTokenAsync(SignUp organization)
    {
        var email = $"staff-{Guid.NewGuid():N}@example.com";
        (await host.Product.ClientFrom(Office, organization.AdminToken).PostAsync("/api/v1/users", new { email, password = Tenant.Password, firstName = "Pat", lastName = "Staff", role = "staff" }))
            .ShouldSucceed(HttpStatusCode.Created);
        await host.Product.AcceptInvitationAsync(email, password: null);
        return (await host.Product.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
    }

    private Task<int> StoredEntriesAsync(SignUp organization) =>
        host.Product.Database.ScalarAsync<int>("SELECT cardinality(ip_allowlist) FROM app.organizations WHERE id = @id", ("id", organization.OrganizationId));

    /// <summary>One product for the class, loopback its only trusted proxy.</summary>
    public sealed class Host : IAsyncLifetime
    {
        public ProductHost Product { get; private set; } = null!;

        public async Task InitializeAsync() => Product = await ProductHost.StartAsync(settings: new Dictionary<string, string?> { ["Api:KnownProxies"] = "127.0.0.1" });

        public async Task DisposeAsync() => await Product.DisposeAsync();
    }
}
