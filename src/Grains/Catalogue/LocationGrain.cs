using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Placement;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>One location: answers from memory, writes through to its row.</summary>
[LocationPlacement]
public sealed class LocationGrain(LocationRepository locations, StockRepository stock, TimeProvider time) : Grain, ILocationGrain
{
    private LocationDetails? _record;

    public Task<LocationDetails> Get() => Record();

    public async Task<LocationDetails> Update(LocationDraft changes)
    {
        var current = await Record();
        var changed = current with
        {
            Name = changes.Name?.Trim() ?? current.Name,
            LocationType = changes.LocationType ?? current.LocationType,
            LicenseNumber = changes.LicenseNumber ?? current.LicenseNumber,
            AddressLine1 = changes.AddressLine1 ?? current.AddressLine1,
            AddressLine2 = changes.AddressLine2 ?? current.AddressLine2,
            City = changes.City ?? current.City,
            State = changes.State ?? current.State,
            Zip = changes.Zip ?? current.Zip,
            Phone = changes.Phone ?? current.Phone,
            Timezone = changes.Timezone ?? current.Timezone,
            Latitude = changes.Latitude ?? current.Latitude,
            Longitude = changes.Longitude ?? current.Longitude,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        CatalogueRules.Check(changed);
        if (changes.IsPrimary == false && current.IsPrimary)
        {
            throw new ValidationFailedException([new FieldError("isPrimary", "An organisation always has one primary location: make another one primary instead.")]);
        }

        if (changes.IsPrimary == true && !current.IsActive)
        {
            throw new ValidationFailedException([new FieldError("isPrimary", "An inactive location cannot be the primary one.")]);
        }

        _record = await locations.Update(changed);
        if (changes.IsPrimary == true && !current.IsPrimary)
        {
            await Organization(current).SetPrimary(current.Id);
            _record = null;
        }

        return await Record();
    }

    public Task Forget()
    {
        _record = null;
        return Task.CompletedTask;
    }

    private IOrganizationGrain Organization(LocationDetails location) => GrainFactory.GetGrain<IOrganizationGrain>(GrainKeys.Organization(location.OrganizationId));

    public async Task Deactivate()
    {
        var current = await Record();
        if (current.IsActive)
        {
            _record = await locations.Update(current with { IsActive = false, UpdatedAt = time.GetUtcNow().UtcDateTime }, "deactivated");
        }

        // A closed location hands the primary part to the oldest open one.
        if (current.IsPrimary)
        {
            await Organization(current).SetPrimary(null, leaving: current.Id);
            _record = null;
        }

        // Live stock refuses movements at a closed location from what its grains hold: tell them, also when this is a
        // retry of a deactivation that stopped half way.
        await StockRefresh.LocationClosed(GrainFactory, current.OrganizationId, current.Id, await stock.ProductsStockedAt(current.OrganizationId, current.Id));
    }

    // A miss is not cached: the location may be created after someone asked for it.
    private async Task<LocationDetails> Record()
    {
        if (_record is null)
        {
            var (organizationId, locationId) = GrainKeys.ParseLocation(this.GetPrimaryKeyString());
            _record = await locations.Find(organizationId, locationId) ?? throw NotFoundException.For("location", locationId);
        }

        return _record;
    }
}
