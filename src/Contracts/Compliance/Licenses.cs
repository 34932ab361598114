namespace InventoryProFlow.Contracts.Compliance;

/// <summary>Where a licence stands today: valid, inside its renewal window (expiring), or past its expiry date.</summary>
public static class LicenseStatuses
{
    public const string Valid = "valid";
    public const string Expiring = "expiring";
    public const string Expired = "expired";

    public static IReadOnlyList<string> All { get; } = [Valid, Expiring, Expired];
}

/// <summary>A licence or permit of the business or of one location, as the issuing authority granted it.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LicenseDetails.v1")]
public sealed record LicenseDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] string LicenseType,
    [property: Id(4)] string IssuingAuthority,
    [property: Id(5)] string LicenseNumber,
    [property: Id(6)] DateOnly? IssuedOn,
    [property: Id(7)] DateOnly ExpiresOn,
    [property: Id(8)] int RenewalLeadDays,
    [property: Id(9)] string? Notes,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] DateTime UpdatedAt);

/// <summary>A licence with where it stands on the business day it was read.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LicenseView.v1")]
public sealed record LicenseView(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid? LocationId,
    [property: Id(2)] string LicenseType,
    [property: Id(3)] string IssuingAuthority,
    [property: Id(4)] string LicenseNumber,
    [property: Id(5)] DateOnly? IssuedOn,
    [property: Id(6)] DateOnly ExpiresOn,
    [property: Id(7)] int RenewalLeadDays,
    [property: Id(8)] string? Notes,
    [property: Id(9)] string Status,
    [property: Id(10)] int DaysToExpiry,
    [property: Id(11)] DateTime CreatedAt,
    [property: Id(12)] DateTime UpdatedAt);

/// <summary>A licence to record, or the fields to change (null keeps the current value).</summary>
[GenerateSerializer, Immutable, Alias("ipf.LicenseDraft.v1")]
public sealed record LicenseDraft(
    [property: Id(0)] Guid? LocationId = null,
    [property: Id(1)] string? LicenseType = null,
    [property: Id(2)] string? IssuingAuthority = null,
    [property: Id(3)] string? LicenseNumber = null,
    [property: Id(4)] DateOnly? IssuedOn = null,
    [property: Id(5)] DateOnly? ExpiresOn = null,
    [property: Id(6)] int? RenewalLeadDays = null,
    [property: Id(7)] string? Notes = null);

/// <summary>Which licences a list answers.</summary>
[GenerateSerializer, Immutable, Alias("ipf.LicenseFilter.v1")]
public sealed record LicenseFilter(
    [property: Id(0)] Guid? LocationId = null,
    [property: Id(1)] string? Status = null);
