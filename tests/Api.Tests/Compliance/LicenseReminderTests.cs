using System.Net;
using System.Text.Json;
using InventoryProFlow.Api.Tests.Infrastructure;

using static InventoryProFlow.Api.Tests.Compliance.ReminderHost;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// Licence reminders on a clock the test moves: the persistent reminder fires every second here (daily in
/// production) and each firing judges "today" by the product's clock, so a month passes in a few seconds. The
/// whole product runs on that clock, tokens included, so a session is signed in again after a jump of days.
/// </summary>
public sealed class LicenseReminderTests
{
    [Fact]
    public async Task A_licence_30_days_from_expiry_raises_the_30_day_alert_once_to_the_list_signalr_and_webhooks()
    {
        var clock = TestClock.Running(new DateTimeOffset(2026, 3, 2, 15, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock, await TestPostgres.CreateDatabaseAsync());
        var token = await SignInAsync(host);
        var admin = host.Client(token);
        await using var receiver = await WebhookReceiver.StartAsync();
        (await admin.PostAsync("/api/v1/webhooks", new { url = receiver.Url, events = new[] { "compliance.alert" } })).ShouldSucceed(HttpStatusCode.Created);
        await using var live = await LiveClient.ConnectAsync(host.Address, token);
        await live.SubscribeOrganizationAsync();

        var license = (await admin.PostAsync("/api/v1/compliance/licenses", new
        {
            licenseType = "Mixed Beverage Permit",
            issuingAuthority = "Texas Alcoholic Beverage Commission",
            licenseNumber = "MB639140",
            issuedOn = "2024-04-01",
            expiresOn = "2026-04-01",
        })).ShouldSucceed(HttpStatusCode.Created).Data;
        Assert.Equal("expiring", license.GetProperty("status").GetString());
        Assert.Equal(30, license.GetProperty("daysToExpiry").GetInt32());

        var heard = await live.NextAsync("alert:compliance", a => a.GetProperty("licenseId").GetString() == license.GetProperty("id").GetString());
        Assert.Equal("license_expiring", heard.GetProperty("kind").GetString());
        Assert.Equal(30, heard.GetProperty("daysLeft").GetInt32());
        var delivered = await receiver.NextAsync(d => d.Event == "compliance.alert");
        Assert.Equal(heard.GetProperty("id").GetString(), delivered.Json.GetProperty("data").GetProperty("id").GetString());

        // The same day and the next: the reminder keeps firing, and the 30-day alert stays one alert.
        await CheckedAtAsync(host, clock, clock.GetUtcNow().AddMinutes(1));
        await CheckedAtAsync(host, clock, clock.GetUtcNow().AddDays(1));
        admin = host.Client(await SignInAsync(host));
        var alerts = await AlertsAsync(admin);
        var only = Assert.Single(alerts);
        Assert.Equal(30, only.GetProperty("daysLeft").GetInt32());
        Assert.True(only.GetProperty("open").GetBoolean());
        Assert.Single(live.Heard, h => h.Event == "alert:compliance");

        // Late on 17 March (the organisation's day) 15 days are left: no alert for the thresholds in between. The first
        // session expired long ago, so the admin signs in and listens again, and just after midnight 14 days are left.
        var zone = TimeZoneInfo.FindSystemTimeZoneById(await host.Database.ScalarAsync<string>(
            "SELECT o.timezone FROM app.organizations o JOIN app.users u ON u.organization_id = o.id WHERE u.email = @email", ("email", AdminEmail)));
        var lateOnThe17th = new DateTime(2026, 3, 17, 23, 59, 0);
        var eve = new DateTimeOffset(lateOnThe17th, zone.GetUtcOffset(lateOnThe17th));
        await CheckedAtAsync(host, clock, eve);
        token = await SignInAsync(host);
        await using var later = await LiveClient.ConnectAsync(host.Address, token);
        await later.SubscribeOrganizationAsync();
        Assert.Single(await AlertsAsync(host.Client(token)));

        await CheckedAtAsync(host, clock, eve.AddMinutes(2));
        var fortnight = await later.NextAsync("alert:compliance", a => a.GetProperty("licenseId").GetString() == license.GetProperty("id").GetString());
        Assert.Equal(14, fortnight.GetProperty("daysLeft").GetInt32());
        alerts = await AlertsAsync(host.Client(token));
        Assert.Equal([14, 30], alerts.Select(a => a.GetProperty("daysLeft").GetInt32()).Order());
    }

    [Fact]
    public async Task Reminders_live_in_postgresql_and_still_fire_after_a_restart()
    {
        var connectionString = await TestPostgres.CreateDatabaseAsync();
        var clock = TestClock.Running(new DateTimeOffset(2026, 6, 1, 15, 0, 0, TimeSpan.Zero));
        string licenseId;
        await using (var first = await StartAsync(clock, connectionString))
        {
            var admin = first.Client(await SignInAsync(first));
            licenseId = (await admin.PostAsync("/api/v1/compliance/licenses", new
            {
                licenseType = "Class E Liquor License",
                issuingAuthority = "Iowa Alcoholic Beverages Division",
                licenseNumber = "LE0002190",
                expiresOn = "2026-12-31",
            })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString()!;
            Assert.Equal(0, await AlertCountAsync(first));
            Assert.Equal(1, await first.Database.ScalarAsync<long>("SELECT count(*) FROM orleansreminderstable WHERE remindername = 'compliance-check'"));
        }

        // A new process on the same database, a week before expiry. Nothing calls the compliance grain: only the
        // reminder, read back from PostgreSQL, can wake it.
        clock.SetUtcNow(new DateTimeOffset(2026, 12, 24, 15, 0, 0, TimeSpan.Zero));
        await using var second = await StartAsync(clock, connectionString);
        await Eventually.Found(async () => await AlertCountAsync(second) > 0 ? "raised" : null, "the 7-day alert after the restart", TimeSpan.FromSeconds(60));
        var kind = await second.Database.ScalarAsync<string>("SELECT kind || ':' || days_left FROM app.compliance_alerts WHERE license_id = @id::uuid", ("id", licenseId));
        Assert.Equal("license_expiring:7", kind);
    }

    [Fact]
    public async Task An_expired_licence_raises_the_expiry_alert_and_a_renewal_resolves_it()
    {
        var clock = TestClock.Running(new DateTimeOffset(2026, 9, 10, 15, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock, await TestPostgres.CreateDatabaseAsync());
        var admin = host.Client(await SignInAsync(host));
        var id = (await admin.PostAsync("/api/v1/compliance/licenses", new
        {
            licenseType = "Retail Dealer",
            issuingAuthority = "City of Austin",
            licenseNumber = "RD-77",
            expiresOn = "2026-09-11",
        })).ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();

        await CheckedAtAsync(host, clock, clock.GetUtcNow().AddDays(2));
        admin = host.Client(await SignInAsync(host));
        var licence = (await admin.GetAsync($"/api/v1/compliance/licenses/{id}")).ShouldSucceed().Data;
        Assert.Equal("expired", licence.GetProperty("status").GetString());
        Assert.Equal(["license_expired", "license_expiring"], (await AlertsAsync(admin)).Select(a => a.GetProperty("kind").GetString()).Order());

        // Renewed: the old expiry's alerts are resolved, and the licence is valid again.
        var renewed = (await admin.PutAsync($"/api/v1/compliance/licenses/{id}", new { expiresOn = "2028-09-11" })).ShouldSucceed().Data;
        Assert.Equal("valid", renewed.GetProperty("status").GetString());
        var open = (await admin.GetAsync("/api/v1/compliance/alerts?open=true")).ShouldSucceed().Data.GetProperty("items");
        Assert.Equal(0, open.GetArrayLength());
    }

    [Fact]
    public async Task Report_deadlines_come_from_the_state_rules_raise_alerts_and_submitting_settles_them()
    {
        // The location opens on 1 November 2026; on 10 January 2027 November's Texas report (due 15 December) is
        // overdue and December's (due 15 January) is due in 5 days.
        var clock = TestClock.Running(new DateTimeOffset(2026, 11, 1, 15, 0, 0, TimeSpan.Zero));
        await using var host = await StartAsync(clock, await TestPostgres.CreateDatabaseAsync());
        var admin = host.Client(await SignInAsync(host));
        var location = (await admin.PostAsync("/api/v1/locations", new { name = "Ninfa's", timezone = "America/Chicago", city = "Houston", state = "TX" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        (await admin.PostAsync("/api/v1/compliance/licenses", new
        {
            locationId = location,
            licenseType = "MB",
            issuingAuthority = "Texas Alcoholic Beverage Commission",
            licenseNumber = "MB639140",
            expiresOn = "2028-06-30",
        })).ShouldSucceed(HttpStatusCode.Created);

        await CheckedAtAsync(host, clock, new DateTimeOffset(2027, 1, 10, 15, 0, 0, TimeSpan.Zero));
        admin = host.Client(await SignInAsync(host));
        var alerts = await Eventually.Found(
            async () => await AlertsAsync(admin) is { Count: 2 } found ? found : null, "the report deadline alerts");
        Assert.Equal(["report_due:5", "report_overdue:-26"], alerts.Select(a => $"{a.GetProperty("kind").GetString()}:{a.GetProperty("daysLeft").GetInt32()}").Order());

        var status = (await admin.GetAsync("/api/v1/compliance/status")).ShouldSucceed().Data;
        Assert.Equal("action_required", status.GetProperty("overall").GetString());
        Assert.Equal(1, status.GetProperty("licenses").GetProperty("valid").GetInt32());
        var here = Assert.Single(status.GetProperty("locations").EnumerateArray());
        Assert.Equal(
            ["2026-11-01..2026-11-30 overdue due 2026-12-15", "2026-12-01..2026-12-31 due due 2027-01-15"],
            here.GetProperty("reports").EnumerateArray().Select(r =>
                $"{r.GetProperty("periodStart").GetString()}..{r.GetProperty("periodEnd").GetString()} {r.GetProperty("status").GetString()} due {r.GetProperty("dueOn").GetString()}"));
        var tax = Assert.Single(here.GetProperty("upcoming").EnumerateArray(), f => f.GetProperty("periodEnd").GetString() == "2026-12-31");
        Assert.Equal("2027-01-20", tax.GetProperty("dueOn").GetString());

        // November filed: its report is submitted and its overdue alert settled.
        var report = (await admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2026-11-01", periodEnd = "2026-11-30" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        (await admin.PostAsync($"/api/v1/compliance/reports/{report}/submit", new { })).ShouldSucceed();
        status = (await admin.GetAsync($"/api/v1/compliance/status?organizationId={status.GetProperty("organizationId").GetString()}")).ShouldSucceed().Data;
        var november = status.GetProperty("locations")[0].GetProperty("reports")[0];
        Assert.Equal(("submitted", report), (november.GetProperty("status").GetString(), november.GetProperty("reportId").GetString()));
        Assert.Equal("attention", status.GetProperty("overall").GetString());
        var open = (await admin.GetAsync("/api/v1/compliance/alerts?open=true")).ShouldSucceed().Data.GetProperty("items");
        Assert.Equal("report_due", Assert.Single(open.EnumerateArray()).GetProperty("kind").GetString());
        (await admin.GetAsync($"/api/v1/compliance/status?organizationId={Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await admin.GetAsync("/api/v1/compliance/status?organizationId=abc")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
    }

    private static Task<long> AlertCountAsync(ProductHost host) => host.Database.ScalarAsync<long>("SELECT count(*) FROM app.compliance_alerts");

    private static async Task<List<JsonElement>> AlertsAsync(ApiClient admin) =>
        (await admin.GetAsync("/api/v1/compliance/alerts")).ShouldSucceed().Data.GetProperty("items").EnumerateArray().ToList();
}
