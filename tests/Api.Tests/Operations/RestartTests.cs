using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>Data lives in PostgreSQL: a restart keeps every row, every setting and every login, and the demo is not seeded twice.</summary>
public sealed class RestartTests
{
    private static readonly Dictionary<string, string?> Demo = new()
    {
        ["Demo:Seed"] = "true",
        ["IPF_ADMIN_PASSWORD"] = "Demo-Admin-Pass-1",
        ["IPF_DEMO_PASSWORD"] = "Demo-Staff-Pass-1",
    };

    [Fact]
    public async Task Restarting_keeps_every_row_and_does_not_duplicate_the_demo()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var dataFolder = Directory.CreateTempSubdirectory("ipf-restart-").FullName;
        string token;
        IReadOnlyDictionary<string, long> before;
        await using (var first = await ProductHost.StartAsync(connectionString, dataFolder, Demo))
        {
            Assert.True(first.Report!.DemoSeeded);
            Assert.Equal(["admin", "manager", "staff"], first.Report.Logins.Select(l => l.Role));
            token = await SignIn(first, "admin@threerivers.example", "Demo-Admin-Pass-1");
            var organization = (await first.Client(token).GetAsync("/api/v1/locations")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("organizationId").GetString();
            (await first.Client(token).PatchAsync($"/api/v1/organizations/{organization}", new { settings = new { defaultParLevel = 12 } })).ShouldSucceed();
            before = await first.Database.CountsAsync();
        }

        await using var second = await ProductHost.StartAsync(connectionString, dataFolder, Demo);

        Assert.False(second.Report!.DemoSeeded);
        var after = await second.Database.CountsAsync();
        Assert.Equal(before.Where(c => c.Key != "refresh_tokens"), after.Where(c => c.Key != "refresh_tokens"));
        Assert.Equal(4, before["locations"]);
        Assert.Equal(3, before["users"]);
        Assert.Equal(338, before["products"]);
        // The demo's three licences, one due for renewal within the month: its alert was raised at first start, once.
        Assert.Equal(3, before["licenses"]);
        Assert.Equal(1, before["compliance_alerts"]);
        // The token of the first run still verifies: the signing key was kept in the data folder.
        var client = second.Client(token);
        var organizationId = (await client.GetAsync("/api/v1/locations")).ShouldSucceed().Data.GetProperty("items")[0].GetProperty("organizationId").GetString();
        var settings = (await client.GetAsync($"/api/v1/organizations/{organizationId}")).ShouldSucceed().Data.GetProperty("settings");
        Assert.Equal(12, settings.GetProperty("defaultParLevel").GetInt32());
        await SignIn(second, "staff@threerivers.example", "Demo-Staff-Pass-1");
    }

    [Fact]
    public async Task Without_the_demo_a_bootstrap_admin_is_created_once()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["IPF_ADMIN_EMAIL"] = "first.admin@example.com", ["IPF_ADMIN_PASSWORD"] = "First-Admin-Pass-1", ["IPF_ORGANIZATION_NAME"] = "Corner Liquor" };
        await using (var first = await ProductHost.StartAsync(connectionString, settings: settings))
        {
            Assert.False(first.Report!.DemoSeeded);
            Assert.Equal("first.admin@example.com", first.Report.Logins.Single().Email);
            Assert.DoesNotContain("First-Admin-Pass-1", first.Report.LoginLines().Single(), StringComparison.Ordinal);
            await SignIn(first, "first.admin@example.com", "First-Admin-Pass-1");
        }

        await using var second = await ProductHost.StartAsync(connectionString, settings: settings);

        Assert.Equal(1L, await second.Database.ScalarAsync<long>("SELECT count(*) FROM app.users"));
        Assert.Equal("Corner Liquor", await second.Database.ScalarAsync<string>("SELECT name FROM app.organizations"));
        Assert.Equal(0L, await second.Database.ScalarAsync<long>("SELECT count(*) FROM app.products"));
    }

    [Fact]
    public async Task A_generated_admin_password_is_shown_once_and_works()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var settings = new Dictionary<string, string?> { ["IPF_ADMIN_EMAIL"] = "generated.admin@example.com", ["IPF_ADMIN_PASSWORD"] = null };
        string password;
        await using (var first = await ProductHost.StartAsync(connectionString, settings: settings))
        {
            password = first.Report!.Logins.Single().Password;
            Assert.Contains(password, first.Report.LoginLines().Single(), StringComparison.Ordinal);
            await SignIn(first, "generated.admin@example.com", password);
        }

        await using var second = await ProductHost.StartAsync(connectionString, settings: settings);

        Assert.DoesNotContain(password, second.Report!.LoginLines().Single(), StringComparison.Ordinal);
        await SignIn(second, "generated.admin@example.com", password);
    }

    private static async Task<string> SignIn(ProductHost host, string email, string password) =>
        (await host.Client().PostAsync("/api/v1/auth/login", new { email, password }))
            .ShouldSucceed(HttpStatusCode.OK).Data.GetProperty("accessToken").GetString()!;
}
