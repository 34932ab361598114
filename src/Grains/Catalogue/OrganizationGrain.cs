using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>The organisation grain's own state: its settings. Facts of the organisation's row stay in app.organizations.</summary>
[GenerateSerializer, Alias("ipf.OrganizationState.v1")]
public sealed class OrganizationState
{
    [Id(0)] public OrganizationSettings Settings { get; set; } = OrganizationSettings.Default;
}

/// <summary>One organisation: answers from memory, writes through to its row and its persisted settings.</summary>
public sealed class OrganizationGrain(
    [PersistentState("organization", "ipf")] IPersistentState<OrganizationState> state,
    OrganizationRepository organizations,
    LocationRepository locations,
    IdFactory ids,
    TimeProvider time) : Grain, IOrganizationGrain
{
    private OrganizationDetails? _record;

    private Guid OrganizationId => GrainKeys.ParseOrganization(this.GetPrimaryKeyString());

    public async Task<OrganizationDetails> Get() => (await Record()) with { Settings = state.State.Settings };

    public async Task<OrganizationDetails> Update(OrganizationPatch patch)
    {
        var current = await Record();
        var changed = current with
        {
            Name = patch.Name?.Trim() ?? current.Name,
            BusinessType = patch.BusinessType ?? current.BusinessType,
            LicenseNumber = patch.LicenseNumber ?? current.LicenseNumber,
            Email = patch.Email ?? current.Email,
            Phone = patch.Phone ?? current.Phone,
            AddressLine1 = patch.AddressLine1 ?? current.AddressLine1,
            AddressLine2 = patch.AddressLine2 ?? current.AddressLine2,
            City = patch.City ?? current.City,
            State = patch.State ?? current.State,
            Zip = patch.Zip ?? current.Zip,
            Country = patch.Country ?? current.Country,
            Timezone = patch.Timezone ?? current.Timezone,
            TaxId = patch.TaxId is null ? current.TaxId : patch.TaxId.Trim().Length == 0 ? null : patch.TaxId.Trim(),
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        var settings = state.State.Settings;
        if (patch.Settings is { } s)
        {
            settings = new OrganizationSettings(
                s.Currency ?? settings.Currency,
                s.DefaultParLevel ?? settings.DefaultParLevel,
                s.LowStockAlerts ?? settings.LowStockAlerts);
        }

        CatalogueRules.Check(changed);
        CatalogueRules.Check(settings);

        // Audited with the row first: a settings write that then fails leaves an entry for a change half made, never a change unaudited.
        _record = await organizations.Update(changed with { Settings = settings }, state.State.Settings);
        if (settings != state.State.Settings)
        {
            state.State.Settings = settings;
            await state.WriteStateAsync();
        }

        return await Get();
    }

    public async Task<Page<LocationDetails>> ListLocations(PageRequest page, bool includeInactive)
    {
        await Record();
        return await locations.List(OrganizationId, page, includeInactive);
    }

    public async Task<LocationDetails> CreateLocation(LocationDraft draft)
    {
        var organization = await Record();
        var now = time.GetUtcNow().UtcDateTime;
        var location = new LocationDetails(
            ids.NewId(),
            OrganizationId,
            draft.Name?.Trim() ?? string.Empty,
            draft.LocationType ?? CatalogueRules.DefaultLocationType(organization.BusinessType),
            draft.LicenseNumber,
            draft.AddressLine1,
            draft.AddressLine2,
            draft.City,
            draft.State,
            draft.Zip,
            draft.Phone,
            draft.Timezone ?? organization.Timezone,
            draft.Latitude,
            draft.Longitude,
            IsActive: true,
            now,
            now);
        CatalogueRules.Check(location);
        var created = await locations.Insert(location);
        // The first location is the primary one; a later one takes the part only when asked to.
        if (draft.IsPrimary == true || !await locations.HasPrimary(OrganizationId))
        {
            await SetPrimary(created.Id);
            created = created with { IsPrimary = true };
        }

        // A location owes filings from the day it opens, licence or not: the compliance reminder must be running.
        await GrainFactory.GetGrain<IComplianceGrain>(GrainKeys.Compliance(OrganizationId)).Watch();
        return created;
    }

    public async Task SetPrimary(Guid? locationId, Guid? leaving = null)
    {
        foreach (var changed in await locations.SetPrimary(OrganizationId, locationId, leaving))
        {
            // The asking location reads itself again; the others are told (calling it back would wait on itself).
            if (changed != locationId && changed != leaving)
            {
                await GrainFactory.GetGrain<ILocationGrain>(GrainKeys.Location(OrganizationId, changed)).Forget();
            }
        }
    }

    public Task Forget()
    {
        _record = null;
        return Task.CompletedTask;
    }

    private async Task<OrganizationDetails> Record() =>
        _record ??= await organizations.Find(OrganizationId) ?? throw NotFoundException.For("organization", OrganizationId);
}
