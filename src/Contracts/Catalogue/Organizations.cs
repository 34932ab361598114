using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>An organisation (tenant) as the API shows it.</summary>
[GenerateSerializer, Immutable, Alias("ipf.OrganizationDetails.v1")]
public sealed record OrganizationDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string BusinessType,
    [property: Id(3)] string SubscriptionTier,
    [property: Id(4)] string? LicenseNumber,
    [property: Id(5)] string? Email,
    [property: Id(6)] string? Phone,
    [property: Id(7)] string? AddressLine1,
    [property: Id(8)] string? AddressLine2,
    [property: Id(9)] string? City,
    [property: Id(10)] string? State,
    [property: Id(11)] string? Zip,
    [property: Id(12)] string Country,
    [property: Id(13)] string Timezone,
    [property: Id(14)] bool IsActive,
    [property: Id(15)] DateTime CreatedAt,
    [property: Id(16)] DateTime UpdatedAt,
    [property: Id(18)] string? TaxId = null,
    [property: Id(19)] string SubscriptionStatus = SubscriptionStatuses.Active)
{
    /// <summary>Operating settings, kept by the organisation grain.</summary>
    [Id(17)] public OrganizationSettings Settings { get; init; } = OrganizationSettings.Default;
}

/// <summary>Settings an owner tunes; they live in the organisation grain's state, their one home.</summary>
[GenerateSerializer, Immutable, Alias("ipf.OrganizationSettings.v1")]
public sealed record OrganizationSettings(
    [property: Id(0)] string Currency,
    [property: Id(1)] int DefaultParLevel,
    [property: Id(2)] bool LowStockAlerts)
{
    public static OrganizationSettings Default { get; } = new("USD", 0, true);
}

/// <summary>A change to an organisation: fields left out (null) keep their value.</summary>
[GenerateSerializer, Immutable, Alias("ipf.OrganizationPatch.v1")]
public sealed record OrganizationPatch(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? BusinessType = null,
    [property: Id(2)] string? LicenseNumber = null,
    [property: Id(3)] string? Email = null,
    [property: Id(4)] string? Phone = null,
    [property: Id(5)] string? AddressLine1 = null,
    [property: Id(6)] string? AddressLine2 = null,
    [property: Id(7)] string? City = null,
    [property: Id(8)] string? State = null,
    [property: Id(9)] string? Zip = null,
    [property: Id(10)] string? Country = null,
    [property: Id(11)] string? Timezone = null,
    [property: Id(12)] OrganizationSettingsPatch? Settings = null,
    [property: Id(13)] string? TaxId = null);

/// <summary>Where an organisation's subscription stands: served, served and reminded, or refused.</summary>
public static class SubscriptionStatuses
{
    public const string Active = "active";
    public const string PastDue = "past_due";
    public const string Suspended = "suspended";

    public static IReadOnlyList<string> All { get; } = [Active, PastDue, Suspended];
}

[GenerateSerializer, Immutable, Alias("ipf.OrganizationSettingsPatch.v1")]
public sealed record OrganizationSettingsPatch(
    [property: Id(0)] string? Currency = null,
    [property: Id(1)] int? DefaultParLevel = null,
    [property: Id(2)] bool? LowStockAlerts = null);

/// <summary>One organisation: its record, its settings and its list of locations.</summary>
public interface IOrganizationGrain : IGrainWithStringKey
{
    Task<OrganizationDetails> Get();

    Task<OrganizationDetails> Update(OrganizationPatch patch);

    Task<Page<LocationDetails>> ListLocations(PageRequest page, bool includeInactive);

    Task<LocationDetails> CreateLocation(LocationDraft draft);

    /// <summary>
    /// Makes a location the organisation's one primary location, or (none given) passes the part to the oldest open
    /// location other than <paramref name="leaving"/>. The organisation is the one writer of the part.
    /// </summary>
    Task SetPrimary(Guid? locationId, Guid? leaving = null);

    /// <summary>Drops the record kept in memory: its row was changed elsewhere (the operator's tier or status change).</summary>
    Task Forget();
}
