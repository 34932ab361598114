namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>A bar, store or warehouse of an organisation. Its business day is in its own time zone.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LocationDetails.v1")]
public sealed record LocationDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string LocationType,
    [property: Id(4)] string? LicenseNumber,
    [property: Id(5)] string? AddressLine1,
    [property: Id(6)] string? AddressLine2,
    [property: Id(7)] string? City,
    [property: Id(8)] string? State,
    [property: Id(9)] string? Zip,
    [property: Id(10)] string? Phone,
    [property: Id(11)] string Timezone,
    [property: Id(12)] decimal? Latitude,
    [property: Id(13)] decimal? Longitude,
    [property: Id(14)] bool IsActive,
    [property: Id(15)] DateTime CreatedAt,
    [property: Id(16)] DateTime UpdatedAt,
    [property: Id(17)] bool IsPrimary = false);

/// <summary>A location to create, or the fields to change (null keeps the current value).</summary>
[GenerateSerializer, Immutable, Alias("ipf.LocationDraft.v1")]
public sealed record LocationDraft(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? LocationType = null,
    [property: Id(2)] string? LicenseNumber = null,
    [property: Id(3)] string? AddressLine1 = null,
    [property: Id(4)] string? AddressLine2 = null,
    [property: Id(5)] string? City = null,
    [property: Id(6)] string? State = null,
    [property: Id(7)] string? Zip = null,
    [property: Id(8)] string? Phone = null,
    [property: Id(9)] string? Timezone = null,
    [property: Id(10)] decimal? Latitude = null,
    [property: Id(11)] decimal? Longitude = null,
    [property: Id(12)] bool? IsPrimary = null);

/// <summary>One location of one organisation.</summary>
public interface ILocationGrain : IGrainWithStringKey
{
    Task<LocationDetails> Get();

    Task<LocationDetails> Update(LocationDraft changes);

    /// <summary>Soft delete: the location stays in history (the ledger points at it) but is inactive.</summary>
    Task Deactivate();

    /// <summary>The row changed under this grain (another location became primary): read it again when next asked.</summary>
    Task Forget();
}
