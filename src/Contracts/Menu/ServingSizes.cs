namespace InventoryProFlow.Contracts.Menu;

/// <summary>A named pour of the organisation: a shot (1.5 oz), a double, a 5 oz glass of wine, a pint.</summary>
[GenerateSerializer, Immutable, Alias("ipf.ServingSize.v1")]
public sealed record ServingSize(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] decimal VolumeMl,
    [property: Id(4)] DateTime CreatedAt,
    [property: Id(5)] DateTime UpdatedAt);

/// <summary>A serving size to create or change: its volume in millilitres or in US fluid ounces (one of the two).</summary>
[GenerateSerializer, Immutable, Alias("ipf.ServingSizeDraft.v1")]
public sealed record ServingSizeDraft(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] decimal? VolumeMl = null,
    [property: Id(2)] decimal? VolumeOz = null);
