using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Notifications;
using MimeKit;

namespace InventoryProFlow.Api.Tests.Notifications;

/// <summary>A product whose mail goes to a real SMTP server on loopback, shared by the mail tests.</summary>
public sealed class MailingProduct : SharedProduct
{
    public SmtpCatcher Smtp { get; } = SmtpCatcher.Start();

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await Smtp.DisposeAsync();
    }

    protected override SmtpCatcher? MailServer() => Smtp;
}

/// <summary>Alerts that reach people: each mail through a real SMTP server, to those who want its topic, once.</summary>
public sealed class MailTests(MailingProduct product) : IClassFixture<MailingProduct>
{
    private SmtpCatcher Smtp => product.Smtp;

    [Fact]
    public async Task A_licence_30_days_from_expiry_is_mailed_once_to_each_admin_and_manager_and_to_staff_who_asked()
    {
        var tenant = await product.NewTenantAsync();
        var manager = await tenant.NewUserAsync("manager");
        var quietManager = await tenant.NewUserAsync("manager");
        var staff = await tenant.NewUserAsync("staff");
        var otherStaff = await tenant.NewUserAsync("staff");
        (await product.Host.Client(quietManager.Token).PutAsync("/api/v1/users/me/notifications", new { topics = new[] { "report", "low_stock" } })).ShouldSucceed();
        (await product.Host.Client(staff.Token).PutAsync("/api/v1/users/me/notifications", new { topics = new[] { "license" } })).ShouldSucceed();

        var expiresOn = TodayInChicago().AddDays(30);
        (await tenant.Admin.PostAsync("/api/v1/compliance/licenses", new
        {
            licenseType = "Class C Liquor License",
            issuingAuthority = "Iowa Alcoholic Beverages Division",
            licenseNumber = "LC0041234",
            issuedOn = expiresOn.AddYears(-1).ToString("yyyy-MM-dd"),
            expiresOn = expiresOn.ToString("yyyy-MM-dd"),
        })).ShouldSucceed(HttpStatusCode.Created);

        var toAdmin = await Smtp.NextAsync(m => IsLicenceMail(m, tenant.AdminEmail));
        await Smtp.NextAsync(m => IsLicenceMail(m, manager.Email));
        await Smtp.NextAsync(m => IsLicenceMail(m, staff.Email));
        Assert.StartsWith("Licence expires in", toAdmin.Subject);
        Assert.Contains("LC0041234", toAdmin.Subject);
        Assert.Contains($"on {expiresOn:yyyy-MM-dd}", toAdmin.TextBody);
        Assert.Contains("https://bar.example.com/app/compliance", toAdmin.TextBody);
        Assert.Contains("https://bar.example.com/app/notifications", toAdmin.TextBody);
        Assert.Equal("auto-generated", toAdmin.Headers["Auto-Submitted"]);
        Assert.Equal("license", toAdmin.Headers["X-Ipf-Topic"]);

        // The reminder checks again and again, the licence is edited without changing its date: still one mail each.
        var organization = product.Host.Grains.GetGrain<Contracts.Compliance.IComplianceGrain>(GrainKeys.Compliance(tenant.OrganizationId));
        await organization.Check();
        await organization.Check();
        Assert.Equal(3L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.mail_outbox WHERE organization_id = @o AND topic = 'license'", ("o", tenant.OrganizationId)));
        await Eventually.Found(
            async () => await product.Host.Database.ScalarAsync<long>(
                "SELECT count(*) FROM app.mail_outbox WHERE organization_id = @o AND topic = 'license' AND sent_at IS NULL", ("o", tenant.OrganizationId)) == 0 ? "sent" : null,
            "every licence mail sent");
        Assert.Single(Smtp.All, m => IsLicenceMail(m, tenant.AdminEmail));
        Assert.Single(Smtp.All, m => IsLicenceMail(m, manager.Email));
        Assert.Single(Smtp.All, m => IsLicenceMail(m, staff.Email));
        Assert.DoesNotContain(Smtp.All, m => IsLicenceMail(m, quietManager.Email) || IsLicenceMail(m, otherStaff.Email));
    }

    [Fact]
    public async Task Each_person_chooses_their_topics_and_a_wrong_topic_changes_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var staff = product.Host.Client((await tenant.NewUserAsync("staff")).Token);

        var defaults = (await tenant.Admin.GetAsync("/api/v1/users/me/notifications")).ShouldSucceed().Data;
        Assert.Equal(MailTopics.All, Topics(defaults));
        Assert.False(defaults.GetProperty("chosen").GetBoolean());
        Assert.True(defaults.GetProperty("mailEnabled").GetBoolean());
        Assert.Empty(Topics((await staff.GetAsync("/api/v1/users/me/notifications")).ShouldSucceed().Data));

        var chosen = (await staff.PutAsync("/api/v1/users/me/notifications", new { topics = new[] { "shrinkage", "license", "shrinkage" } })).ShouldSucceed().Data;
        Assert.Equal(["license", "shrinkage"], Topics(chosen));
        Assert.True(chosen.GetProperty("chosen").GetBoolean());

        var refused = (await staff.PutAsync("/api/v1/users/me/notifications", new { topics = new[] { "license", "beer" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        Assert.Equal(["topics[1]"], refused.ErrorFields);
        Assert.Contains("license, report, low_stock, shrinkage", refused.ErrorMessage + string.Join(" ", refused.Body.GetProperty("error").GetProperty("details").EnumerateArray().Select(d => d.GetProperty("message").GetString())));
        Assert.Equal(["license", "shrinkage"], Topics((await staff.GetAsync("/api/v1/users/me/notifications")).ShouldSucceed().Data));

        (await staff.SendRawAsync(HttpMethod.Put, "/api/v1/users/me/notifications", "{\"topics\": \"license\"}")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var none = (await staff.PutAsync("/api/v1/users/me/notifications", new { topics = Array.Empty<string>() })).ShouldSucceed().Data;
        Assert.Empty(Topics(none));
        Assert.True(none.GetProperty("chosen").GetBoolean());
        var reset = (await staff.PutAsync("/api/v1/users/me/notifications", new { topics = (string[]?)null })).ShouldSucceed().Data;
        Assert.False(reset.GetProperty("chosen").GetBoolean());
        Assert.Equal(3L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.audit_log WHERE organization_id = @o AND action = 'mail_preferences.updated'", ("o", tenant.OrganizationId)));
        (await product.Host.Client().GetAsync("/api/v1/users/me/notifications")).ShouldFail(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
    }

    [Fact]
    public async Task Each_location_below_par_gets_one_digest_a_day_listing_what_to_order()
    {
        var tenant = await product.NewTenantAsync();
        var downtown = await tenant.CreateLocationAsync("Downtown");
        var airport = await tenant.CreateLocationAsync("Airport");
        var gin = await tenant.CreateProductAsync("GIN-D1", "Hendrick's Gin");
        var vodka = await tenant.CreateProductAsync("VOD-D1", "Tito's Vodka");
        await tenant.StockAsync(downtown, gin, 12, parLevel: 6);
        await tenant.StockAsync(downtown, vodka, 8, parLevel: 6);
        await tenant.StockAsync(airport, gin, 20, parLevel: 6);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = downtown, items = new[] { new { productId = vodka, quantity = 5 } } }))
            .ShouldSucceed(HttpStatusCode.Created);

        var notifications = product.Host.Grains.GetGrain<INotificationsGrain>(GrainKeys.Notifications(tenant.OrganizationId));
        Assert.Equal(1, await notifications.QueueLowStockDigests());
        Assert.Equal(0, await notifications.QueueLowStockDigests());

        var digest = await Smtp.NextAsync(m => To(m, tenant.AdminEmail) && (m.Subject ?? "").StartsWith("Below par at", StringComparison.Ordinal));
        Assert.StartsWith("Below par at Downtown: 1 product", digest.Subject);
        Assert.Contains("- Tito's Vodka (VOD-D1): 3 on hand, par 6", digest.TextBody);
        Assert.DoesNotContain("Hendrick", digest.TextBody);
        Assert.Equal("low_stock", digest.Headers["X-Ipf-Topic"]);
        Assert.Single(Smtp.All, m => To(m, tenant.AdminEmail) && (m.Subject ?? "").StartsWith("Below par at", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_count_that_finds_stock_missing_beyond_the_usual_is_mailed_to_those_who_want_shrinkage()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync("Back Bar");
        var items = new Dictionary<string, Guid>();
        foreach (var sku in new[] { "GIN-S", "RUM-S", "RYE-S", "TEQ-S", "VOD-S", "WHI-S" })
        {
            items[sku] = await tenant.StockAsync(location, await tenant.CreateProductAsync(sku, "Bottle " + sku), 24);
        }

        // The location's usual: counts mostly right, now and then a bottle out.
        foreach (var (sku, item) in items)
        {
            await CountAsync(tenant, item, 24);
            (await tenant.Admin.PostAsync("/api/v1/transactions/sales", new { locationId = location, items = new[] { new { sku, quantity = 2 } } }))
                .ShouldSucceed(HttpStatusCode.Created);
            await CountAsync(tenant, item, 21);
        }

        await CountAsync(tenant, items["RYE-S"], 11);
        await CountAsync(tenant, items["RUM-S"], 19);

        var mail = await Smtp.NextAsync(m => To(m, tenant.AdminEmail) && m.Headers["X-Ipf-Topic"] == "shrinkage");
        Assert.Equal("Stock missing: Bottle RYE-S at Back Bar", mail.Subject);
        Assert.Contains("found 11 where the ledger expected 21: 10 missing, 150.00 at cost", mail.TextBody);
        Assert.Contains("https://bar.example.com/app/variance", mail.TextBody);
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.mail_outbox WHERE organization_id = @o AND topic = 'shrinkage'", ("o", tenant.OrganizationId)));
    }

    private static bool IsLicenceMail(MimeMessage mail, string to) =>
        To(mail, to) && mail.Headers["X-Ipf-Topic"] == "license" && (mail.Subject ?? "").Contains("LC0041234", StringComparison.Ordinal);

    private static bool To(MimeMessage mail, string address) =>
        mail.To.Mailboxes.Any(m => string.Equals(m.Address, address, StringComparison.OrdinalIgnoreCase));

    private static List<string> Topics(System.Text.Json.JsonElement preferences) =>
        preferences.GetProperty("topics").EnumerateArray().Select(t => t.GetString()!).ToList();

    private static async Task CountAsync(Tenant tenant, Guid item, int quantity) =>
        (await tenant.Admin.PutAsync($"/api/v1/inventory/items/{item}/count", new { quantity })).ShouldSucceed();

    private static DateOnly TodayInChicago() =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("America/Chicago")).DateTime);
}
