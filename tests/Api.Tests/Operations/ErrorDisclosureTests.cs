using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// An unexpected failure is a 500 in the envelope that says nothing of how we are built: no exception text, no stack
/// trace, no SQL, no PostgreSQL message. The failure is a real one: a trigger, for one organisation only, makes
/// PostgreSQL refuse that organisation's new suppliers with a message full of internals.
/// </summary>
[Collection(SharedProduct.Collection)]
public sealed class ErrorDisclosureTests(SharedProduct product)
{
    [Fact]
    public async Task A_PostgreSQL_error_never_reaches_the_client()
    {
        var tenant = await product.NewTenantAsync();
        var trigger = "refuse_" + Guid.NewGuid().ToString("N")[..12];
        const string Secret = "internal-detail-7f3a: SELECT password_hash FROM app.users";
        await product.Host.Database.ScalarAsync<int>(
            $"CREATE FUNCTION app.{trigger}() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '{Secret}' USING DETAIL = 'column app.suppliers.name', HINT = 'Npgsql'; END $$; " +
            $"CREATE TRIGGER {trigger} BEFORE INSERT ON app.suppliers FOR EACH ROW WHEN (NEW.organization_id = '{tenant.OrganizationId}') EXECUTE FUNCTION app.{trigger}(); SELECT 1");
        try
        {
            var before = await product.Host.Database.CountsAsync();

            var response = (await tenant.Admin.PostAsync("/api/v1/suppliers", new { name = "Trigger Happy Spirits" }))
                .ShouldFail(HttpStatusCode.InternalServerError, "INTERNAL_ERROR");

            Assert.Equal("Something went wrong on our side. The request id helps us find it.", response.ErrorMessage);
            Assert.Empty(response.ErrorFields);
            var text = response.Body.GetRawText();
            foreach (var leak in new[] { "internal-detail", "SELECT", "password_hash", "app.suppliers", "P0001", "Npgsql", "Postgres", "Exception", " at ", ".cs", "trigger" })
            {
                Assert.DoesNotContain(leak, text, StringComparison.OrdinalIgnoreCase);
            }

            Assert.Equal(["success", "error"], response.Body.EnumerateObject().Select(p => p.Name));
            Assert.Equal(["code", "message", "details", "timestamp", "requestId"], response.Body.GetProperty("error").EnumerateObject().Select(p => p.Name));
            Assert.Equal("no-store", response.Headers.GetValues("Cache-Control").Single());
            Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(before, await product.Host.Database.CountsAsync());
        }
        finally
        {
            await product.Host.Database.ScalarAsync<int>($"DROP TRIGGER {trigger} ON app.suppliers; DROP FUNCTION app.{trigger}(); SELECT 1");
        }
    }
}
