namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>A distributor or vendor the organisation buys from.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SupplierDetails.v1")]
public sealed record SupplierDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] string? ContactName,
    [property: Id(4)] string? Email,
    [property: Id(5)] string? Phone,
    [property: Id(6)] string? AddressLine1,
    [property: Id(7)] string? AddressLine2,
    [property: Id(8)] string? City,
    [property: Id(9)] string? State,
    [property: Id(10)] string? Zip,
    [property: Id(11)] string? AccountNumber,
    [property: Id(12)] string? PaymentTerms,
    [property: Id(13)] bool IsActive,
    [property: Id(14)] DateTime CreatedAt,
    [property: Id(15)] DateTime UpdatedAt,
    [property: Id(16)] int? LeadTimeDays = null);

/// <summary>A supplier to create, or the fields to change (null keeps the current value).</summary>
[GenerateSerializer, Immutable, Alias("ipf.SupplierDraft.v1")]
public sealed record SupplierDraft(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] string? ContactName = null,
    [property: Id(2)] string? Email = null,
    [property: Id(3)] string? Phone = null,
    [property: Id(4)] string? AddressLine1 = null,
    [property: Id(5)] string? AddressLine2 = null,
    [property: Id(6)] string? City = null,
    [property: Id(7)] string? State = null,
    [property: Id(8)] string? Zip = null,
    [property: Id(9)] string? AccountNumber = null,
    [property: Id(10)] string? PaymentTerms = null,
    [property: Id(11)] int? LeadTimeDays = null);
