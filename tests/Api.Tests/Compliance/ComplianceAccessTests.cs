using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>Who may see and file compliance records, and what a bad request gets: a precise error and no change.</summary>
[Collection(SharedProduct.Collection)]
public sealed class ComplianceAccessTests(SharedProduct product)
{
    [Fact]
    public async Task Staff_cannot_read_or_submit_reports_managers_read_and_another_organisation_sees_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var reportId = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2025-02-01", periodEnd = "2025-02-28" }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        var licenseId = (await tenant.Admin.PostAsync("/api/v1/compliance/licenses", License(location)))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        var staff = await tenant.SignedInAsync("staff");
        var manager = await tenant.SignedInAsync("manager");

        (await staff.GetAsync("/api/v1/compliance/reports")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.GetAsync($"/api/v1/compliance/reports/{reportId}")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.PostAsync($"/api/v1/compliance/reports/{reportId}/submit", new { })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2025-02-01", periodEnd = "2025-02-28" }))
            .ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.GetAsync("/api/v1/compliance/licenses")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await staff.GetAsync("/api/v1/compliance/alerts")).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");

        (await manager.GetAsync($"/api/v1/compliance/reports/{reportId}")).ShouldSucceed();
        (await manager.GetAsync($"/api/v1/compliance/licenses/{licenseId}")).ShouldSucceed();
        (await manager.PostAsync($"/api/v1/compliance/reports/{reportId}/submit", new { })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        (await manager.PostAsync("/api/v1/compliance/licenses", License(location))).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");

        var other = await product.NewTenantAsync();
        (await other.Admin.GetAsync($"/api/v1/compliance/reports/{reportId}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.GetAsync($"/api/v1/compliance/reports/{reportId}/download?format=csv")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.PostAsync($"/api/v1/compliance/reports/{reportId}/submit", new { })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.GetAsync($"/api/v1/compliance/licenses/{licenseId}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.PutAsync($"/api/v1/compliance/licenses/{licenseId}", new { expiresOn = "2030-01-01" })).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.DeleteAsync($"/api/v1/compliance/licenses/{licenseId}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = "2025-02-01", periodEnd = "2025-02-28" }))
            .ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        (await other.Admin.PostAsync("/api/v1/compliance/licenses", License(location))).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/compliance/reports")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/compliance/licenses")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        Assert.Equal(0, (await other.Admin.GetAsync("/api/v1/compliance/alerts")).ShouldSucceed().Data.GetProperty("items").GetArrayLength());
        Assert.Equal("submitted", (await tenant.Admin.PostAsync($"/api/v1/compliance/reports/{reportId}/submit", new { })).ShouldSucceed().Data.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Bad_report_requests_get_a_precise_error_and_store_nothing()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var cases = new (object Body, HttpStatusCode Status, string Code, string Field)[]
        {
            (new { periodStart = "2025-01-01", periodEnd = "2025-01-31" }, HttpStatusCode.BadRequest, "VALIDATION_FAILED", "locationId"),
            (new { locationId = location, periodEnd = "2025-01-31" }, HttpStatusCode.BadRequest, "VALIDATION_FAILED", "periodStart"),
            (new { locationId = location, periodStart = "2025-02-01", periodEnd = "2025-01-31" }, HttpStatusCode.BadRequest, "VALIDATION_FAILED", "periodEnd"),
            (new { locationId = location, periodStart = "2023-01-01", periodEnd = "2025-01-31" }, HttpStatusCode.BadRequest, "VALIDATION_FAILED", "periodEnd"),
            (new { locationId = location, periodStart = "2025-01-01", periodEnd = "2025-01-31", reportType = "weekly" }, HttpStatusCode.BadRequest, "VALIDATION_FAILED", "reportType"),
            (new { locationId = location, periodStart = "2999-01-01", periodEnd = "2999-01-31" }, HttpStatusCode.BadRequest, "VALIDATION_FAILED", "periodStart"),
            (new { locationId = Guid.NewGuid(), periodStart = "2025-01-01", periodEnd = "2025-01-31" }, HttpStatusCode.NotFound, "NOT_FOUND", string.Empty),
        };
        foreach (var (body, status, code, field) in cases)
        {
            var failure = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", body)).ShouldFail(status, code);
            if (field.Length > 0)
            {
                Assert.Contains(failure.Body.GetProperty("error").GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
            }
        }

        (await tenant.Admin.SendRawAsync(HttpMethod.Post, "/api/v1/compliance/reports/abc", $"{{\"locationId\":\"{location}\",\"periodStart\":\"01/02/2025\",\"periodEnd\":\"2025-01-31\"}}"))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.GetAsync($"/api/v1/compliance/reports/{Guid.NewGuid()}/download?format=xml")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.GetAsync("/api/v1/compliance/reports?status=filed")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.GetAsync($"/api/v1/compliance/reports/{Guid.NewGuid()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0L, await product.Host.Database.ScalarAsync<long>(
            "SELECT count(*) FROM app.compliance_reports WHERE organization_id = @org", ("org", tenant.OrganizationId)));
    }

    [Fact]
    public async Task Licences_are_listed_by_status_and_bad_ones_are_refused_without_a_trace()
    {
        var tenant = await product.NewTenantAsync();
        var location = await tenant.CreateLocationAsync();
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var cases = new (object Body, string Field)[]
        {
            (new { issuingAuthority = "TABC", licenseNumber = "MB1", expiresOn = "2030-01-01" }, "licenseType"),
            (new { licenseType = "MB", licenseNumber = "MB1", expiresOn = "2030-01-01" }, "issuingAuthority"),
            (new { licenseType = "MB", issuingAuthority = "TABC", expiresOn = "2030-01-01" }, "licenseNumber"),
            (new { licenseType = "MB", issuingAuthority = "TABC", licenseNumber = "MB1" }, "expiresOn"),
            (new { licenseType = "MB", issuingAuthority = "TABC", licenseNumber = "MB1", issuedOn = "2031-01-01", expiresOn = "2030-01-01" }, "issuedOn"),
            (new { licenseType = "MB", issuingAuthority = "TABC", licenseNumber = "MB1", expiresOn = "2030-01-01", renewalLeadDays = -5 }, "renewalLeadDays"),
            (new { licenseType = "MB", issuingAuthority = "TABC", licenseNumber = new string('9', 65), expiresOn = "2030-01-01" }, "licenseNumber"),
        };
        foreach (var (body, field) in cases)
        {
            var failure = (await tenant.Admin.PostAsync("/api/v1/compliance/licenses", body)).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
            Assert.Contains(failure.Body.GetProperty("error").GetProperty("details").EnumerateArray(), d => d.GetProperty("field").GetString() == field);
        }

        (await tenant.Admin.SendRawAsync(HttpMethod.Post, "/api/v1/compliance/licenses", "{\"licenseType\":\"MB\",\"expiresOn\":\"next year\"}"))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.PostAsync("/api/v1/compliance/licenses", License(Guid.NewGuid()))).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
        Assert.Equal(0L, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.licenses WHERE organization_id = @org", ("org", tenant.OrganizationId)));

        // One of each status; a licence 10 days out raises its 14-day alert at once.
        await tenant.Admin.PostAsync("/api/v1/compliance/licenses", License(location, today.AddDays(400)));
        var expiring = (await tenant.Admin.PostAsync("/api/v1/compliance/licenses", License(location, today.AddDays(10)))).ShouldSucceed(HttpStatusCode.Created).Data;
        await tenant.Admin.PostAsync("/api/v1/compliance/licenses", License(null, today.AddDays(-3)));
        Assert.Equal("expiring", expiring.GetProperty("status").GetString());
        foreach (var status in new[] { "valid", "expiring", "expired" })
        {
            var items = (await tenant.Admin.GetAsync($"/api/v1/compliance/licenses?status={status}")).ShouldSucceed().Data.GetProperty("items");
            Assert.Equal(status, Assert.Single(items.EnumerateArray()).GetProperty("status").GetString());
        }

        var alert = Assert.Single(
            (await tenant.Admin.GetAsync($"/api/v1/compliance/alerts?licenseId={expiring.GetProperty("id").GetString()}")).ShouldSucceed().Data.GetProperty("items").EnumerateArray());
        Assert.Equal("license_expiring", alert.GetProperty("kind").GetString());
        var acknowledged = (await tenant.Admin.PostAsync($"/api/v1/compliance/alerts/{alert.GetProperty("id").GetString()}/acknowledge", new { })).ShouldSucceed().Data;
        Assert.False(acknowledged.GetProperty("open").GetBoolean());
        (await tenant.Admin.GetAsync("/api/v1/compliance/licenses?status=lapsed")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.GetAsync("/api/v1/compliance/alerts?open=maybe")).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        (await tenant.Admin.DeleteAsync($"/api/v1/compliance/licenses/{expiring.GetProperty("id").GetString()}")).ShouldSucceed(HttpStatusCode.NoContent);
        (await tenant.Admin.GetAsync($"/api/v1/compliance/licenses/{expiring.GetProperty("id").GetString()}")).ShouldFail(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    private static object License(Guid? location, DateOnly? expiresOn = null) => new
    {
        locationId = location,
        licenseType = "Mixed Beverage Permit",
        issuingAuthority = "Texas Alcoholic Beverage Commission",
        licenseNumber = "MB" + Random.Shared.Next(100000, 999999),
        expiresOn = (expiresOn ?? new DateOnly(2030, 6, 30)).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
    };
}
