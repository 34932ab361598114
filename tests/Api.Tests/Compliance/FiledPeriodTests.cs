using System.Globalization;
using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Compliance;

/// <summary>
/// A filed (submitted) report closes its location's period: a sale, a delivery, a transfer or a POS sale dated inside it
/// is refused 409 PERIOD_CLOSED, until a manager reopens the period with a reason, which the audit trail keeps.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class FiledPeriodTests(SharedProduct product)
{
    [Fact]
    public async Task Movements_dated_in_a_filed_period_are_refused_until_a_manager_reopens_it_audited()
    {
        var tenant = await product.NewTenantAsync();
        var (location, vodka) = await tenant.StockedAsync(50);
        var other = await tenant.CreateLocationAsync("Back Bar");
        var supplier = await tenant.CreateSupplierAsync();
        var thisMonth = new DateTime(DateTime.UtcNow.Year, DateTime.UtcNow.Month, 1, 0, 0, 0, DateTimeKind.Utc);
        // The month before last: over on every calendar whatever the day today.
        var (start, end) = (DateOnly.FromDateTime(thisMonth.AddMonths(-2)), DateOnly.FromDateTime(thisMonth.AddMonths(-1).AddDays(-1)));
        // Noon in Des Moines on the 15th: inside the period on the location's calendar.
        var inside = start.AddDays(14).ToDateTime(new TimeOnly(18, 0), DateTimeKind.Utc);
        object Sale(DateTime? at) => new { locationId = location, timestamp = at, items = new[] { new { productId = vodka, quantity = 1 } } };

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", Sale(inside))).ShouldSucceed(HttpStatusCode.Created);
        var report = (await tenant.Admin.PostAsync("/api/v1/compliance/reports/abc", new { locationId = location, periodStart = Day(start), periodEnd = Day(end) }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetString();
        (await tenant.Admin.PostAsync($"/api/v1/compliance/reports/{report}/submit", new { })).ShouldSucceed();
        var rows = await LedgerRowsAsync(tenant);

        var sale = (await tenant.Admin.PostAsync("/api/v1/transactions/sales", Sale(inside))).ShouldFail(HttpStatusCode.Conflict, "PERIOD_CLOSED");
        Assert.Contains($"a period already filed at this location (report {report})", sale.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal(["timestamp"], sale.ErrorFields);
        (await tenant.Admin.PostAsync("/api/v1/transactions/purchases", new
        {
            locationId = location,
            supplierId = supplier,
            timestamp = inside,
            items = new[] { new { productId = vodka, quantity = 6, unitCost = 15m } },
        })).ShouldFail(HttpStatusCode.Conflict, "PERIOD_CLOSED");
        (await tenant.Admin.PostAsync("/api/v1/transactions/transfers", new
        {
            fromLocationId = other,
            toLocationId = location,
            timestamp = inside,
            items = new[] { new { productId = vodka, quantity = 1 } },
        })).ShouldFail(HttpStatusCode.Conflict, "PERIOD_CLOSED");
        var pos = await PosClient.SetUpAsync(tenant);
        (await pos.SaleCreatedAsync(new { transactionId = "late-1", locationId = location, timestamp = inside, items = new[] { new { sku = "VODKA-750", quantity = 1, price = 9m } } }))
            .ShouldFail(HttpStatusCode.Conflict, "PERIOD_CLOSED");
        Assert.Equal(rows, await LedgerRowsAsync(tenant));
        // Today, and the day after the period, are open.
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", Sale(null))).ShouldSucceed(HttpStatusCode.Created);
        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", Sale(thisMonth.AddMonths(-1).AddHours(18)))).ShouldSucceed(HttpStatusCode.Created);

        var staff = await tenant.SignedInAsync("staff");
        var manager = await tenant.SignedInAsync("manager");
        var path = $"/api/v1/compliance/reports/{report}/reopen";
        (await staff.PostAsync(path, new { reason = "missed delivery" })).ShouldFail(HttpStatusCode.Forbidden, "FORBIDDEN");
        Assert.Equal(["reason"], (await manager.PostAsync(path, new { reason = " " })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED").ErrorFields);
        var reopened = (await manager.PostAsync(path, new { reason = "Delivery of the 15th was never entered" })).ShouldSucceed().Data;
        Assert.Equal("submitted", reopened.GetProperty("status").GetString());
        Assert.Equal("Delivery of the 15th was never entered", reopened.GetProperty("reopenReason").GetString());
        (await manager.PostAsync(path, new { reason = "again" })).ShouldFail(HttpStatusCode.Conflict, "CONFLICT");

        (await tenant.Admin.PostAsync("/api/v1/transactions/sales", Sale(inside))).ShouldSucceed(HttpStatusCode.Created);
        var audit = (await tenant.Admin.GetAsync($"/api/v1/compliance/audit?action=compliance_report.reopened&entityId={report}")).ShouldSucceed().Data.GetProperty("items")[0];
        Assert.Equal("Delivery of the 15th was never entered", audit.GetProperty("after").GetProperty("reason").GetString());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private Task<long> LedgerRowsAsync(Tenant tenant) =>
        product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.transactions WHERE organization_id = @o", ("o", tenant.OrganizationId));
}
