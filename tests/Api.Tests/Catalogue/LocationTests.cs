using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

[Collection(SharedProduct.Collection)]
public sealed class LocationTests(SharedProduct product)
{
    [Fact]
    public async Task A_location_has_an_IANA_time_zone_and_defaults_to_the_organisations()
    {
        var tenant = await product.NewTenantAsync();

        var given = (await tenant.Admin.PostAsync("/api/v1/locations", new { name = "Denver Taproom", timezone = "America/Denver" })).ShouldSucceed(HttpStatusCode.Created).Data;
        var defaulted = (await tenant.Admin.PostAsync("/api/v1/locations", new { name = "Annex" })).ShouldSucceed(HttpStatusCode.Created).Data;
        var wrong = (await tenant.Admin.PostAsync("/api/v1/locations", new { name = "Nowhere", timezone = "Mars/Olympus" })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("America/Denver", given.GetProperty("timezone").GetString());
        Assert.Equal("America/Chicago", defaulted.GetProperty("timezone").GetString());
        Assert.Equal("bar", defaulted.GetProperty("locationType").GetString());
        Assert.Equal(["timezone"], wrong.ErrorFields);
    }

    [Fact]
    public async Task A_deleted_location_is_deactivated_not_erased()
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateLocationAsync("Closing Soon");

        (await tenant.Admin.DeleteAsync($"/api/v1/locations/{id}")).ShouldSucceed(HttpStatusCode.NoContent);

        var active = (await tenant.Admin.GetAsync("/api/v1/locations")).ShouldSucceed().Data.GetProperty("items");
        var all = (await tenant.Admin.GetAsync("/api/v1/locations?includeInactive=true")).ShouldSucceed().Data.GetProperty("items");
        Assert.Equal(0, active.GetArrayLength());
        Assert.False(all[0].GetProperty("isActive").GetBoolean());
        Assert.False((await tenant.Admin.GetAsync($"/api/v1/locations/{id}")).ShouldSucceed().Data.GetProperty("isActive").GetBoolean());
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.locations WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Updating_a_location_is_seen_by_the_next_read_and_stored()
    {
        var tenant = await product.NewTenantAsync();
        var id = await tenant.CreateLocationAsync("Old Name");

        (await tenant.Admin.PutAsync($"/api/v1/locations/{id}", new { name = "New Name", zip = "50309" })).ShouldSucceed();

        var read = (await tenant.Admin.GetAsync($"/api/v1/locations/{id}")).ShouldSucceed().Data;
        Assert.Equal("New Name", read.GetProperty("name").GetString());
        Assert.Equal("Des Moines", read.GetProperty("city").GetString());
        Assert.Equal("New Name", await product.Host.Database.ScalarAsync<string>("SELECT name FROM app.locations WHERE id = @id", ("id", id)));
    }

    [Fact]
    public async Task Organisation_settings_are_kept_by_its_grain_and_validated()
    {
        var tenant = await product.NewTenantAsync();
        var path = $"/api/v1/organizations/{tenant.OrganizationId}";

        var patched = (await tenant.Admin.PatchAsync(path, new { name = "Renamed Bar", settings = new { defaultParLevel = 6 } })).ShouldSucceed().Data;
        var refused = (await tenant.Admin.PatchAsync(path, new { settings = new { currency = "dollars" } })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal("Renamed Bar", patched.GetProperty("name").GetString());
        Assert.Equal(6, patched.GetProperty("settings").GetProperty("defaultParLevel").GetInt32());
        Assert.Equal("USD", patched.GetProperty("settings").GetProperty("currency").GetString());
        Assert.Equal(["settings.currency"], refused.ErrorFields);
        var stored = await product.Host.Database.ScalarAsync<string>(
            "SELECT convert_from(payloadbinary, 'UTF8') FROM orleansstorage WHERE graintypestring = 'organization' AND grainidextensionstring = @key",
            ("key", InventoryProFlow.Contracts.GrainKeys.Organization(tenant.OrganizationId)));
        Assert.Contains("\"defaultParLevel\":6", stored.Replace(" ", string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
    }
}
