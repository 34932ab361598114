using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Catalogue;

/// <summary>The seed's locations.is_primary: one per organisation, always, whichever location is opened, chosen or closed.</summary>
[Collection(SharedProduct.Collection)]
public sealed class PrimaryLocationTests(SharedProduct product)
{
    [Fact]
    public async Task The_first_location_is_primary_and_the_part_moves_as_asked_and_when_it_closes()
    {
        var tenant = await product.NewTenantAsync();
        var first = await tenant.CreateLocationAsync("Downtown");
        var second = await tenant.CreateLocationAsync("Airport");
        async Task<bool> Primary(Guid id) => (await tenant.Admin.GetAsync($"/api/v1/locations/{id}")).ShouldSucceed().Data.GetProperty("isPrimary").GetBoolean();

        Assert.Equal((true, false), (await Primary(first), await Primary(second)));

        var chosen = (await tenant.Admin.PutAsync($"/api/v1/locations/{second}", new { isPrimary = true })).ShouldSucceed().Data;
        Assert.True(chosen.GetProperty("isPrimary").GetBoolean());
        Assert.False(await Primary(first));

        var third = (await tenant.Admin.PostAsync("/api/v1/locations", new { name = "Riverside", timezone = "America/Chicago", isPrimary = true }))
            .ShouldSucceed(HttpStatusCode.Created).Data.GetProperty("id").GetGuid();
        Assert.Equal((false, false, true), (await Primary(first), await Primary(second), await Primary(third)));

        (await tenant.Admin.DeleteAsync($"/api/v1/locations/{third}")).ShouldSucceed(HttpStatusCode.NoContent);
        Assert.Equal((true, false, false), (await Primary(first), await Primary(second), await Primary(third)));
        Assert.Equal(1L, await product.Host.Database.ScalarAsync<long>("SELECT count(*) FROM app.locations WHERE organization_id = @o AND is_primary", ("o", tenant.OrganizationId)));
    }

    [Fact]
    public async Task The_primary_cannot_be_unset_nor_a_closed_location_made_primary()
    {
        var tenant = await product.NewTenantAsync();
        var first = await tenant.CreateLocationAsync("Downtown");
        var closed = await tenant.CreateLocationAsync("Closed");
        (await tenant.Admin.DeleteAsync($"/api/v1/locations/{closed}")).ShouldSucceed(HttpStatusCode.NoContent);

        var unset = (await tenant.Admin.PutAsync($"/api/v1/locations/{first}", new { isPrimary = false })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");
        var moved = (await tenant.Admin.PutAsync($"/api/v1/locations/{closed}", new { isPrimary = true })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(["isPrimary"], unset.ErrorFields);
        Assert.Equal(["isPrimary"], moved.ErrorFields);
        Assert.True((await tenant.Admin.GetAsync($"/api/v1/locations/{first}")).ShouldSucceed().Data.GetProperty("isPrimary").GetBoolean());
    }
}
