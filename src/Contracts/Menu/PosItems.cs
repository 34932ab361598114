namespace InventoryProFlow.Contracts.Menu;

/// <summary>
/// A POS item (by the POS's own item id) mapped to what it takes from stock: a recipe, a pour of one product (a
/// volume or a serving size), or whole units of it (a bottle sold in a liquor store). Of the organisation, or of one
/// location when its menu differs there (the location's mapping wins).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.PosItemMapping.v1")]
public sealed record PosItemMapping(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid? LocationId,
    [property: Id(3)] string PosItemId,
    [property: Id(4)] string Name,
    [property: Id(5)] Guid? RecipeId,
    [property: Id(6)] Guid? ProductId,
    [property: Id(7)] decimal? VolumeMl,
    [property: Id(8)] Guid? ServingSizeId,
    [property: Id(9)] decimal? Quantity,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] DateTime UpdatedAt);

[GenerateSerializer, Immutable, Alias("ipf.PosItemDraft.v1")]
public sealed record PosItemDraft(
    [property: Id(0)] Guid? LocationId = null,
    [property: Id(1)] string? PosItemId = null,
    [property: Id(2)] string? Name = null,
    [property: Id(3)] Guid? RecipeId = null,
    [property: Id(4)] Guid? ProductId = null,
    [property: Id(5)] decimal? VolumeMl = null,
    [property: Id(6)] Guid? ServingSizeId = null,
    [property: Id(7)] decimal? Quantity = null,
    [property: Id(8)] decimal? VolumeOz = null);

/// <summary>A POS item as stored, and how many lines that waited for it in the unmapped queue were applied now.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PosItemSaved.v1")]
public sealed record PosItemSaved([property: Id(0)] PosItemMapping Item, [property: Id(1)] int QueuedLinesApplied);

/// <summary>What a POS modifier does to a line's pour.</summary>
public static class ModifierActions
{
    /// <summary>Nothing (no ice, extra lime).</summary>
    public const string Ignore = "ignore";

    /// <summary>Every tracked ingredient times Factor (a double is 2).</summary>
    public const string Multiply = "multiply";

    /// <summary>The first tracked ingredient poured at this volume instead (rocks = 2 oz).</summary>
    public const string SetSize = "set_size";

    /// <summary>One more ingredient: ProductId at this volume (a float of Grand Marnier).</summary>
    public const string Add = "add";

    /// <summary>ProductId poured instead of ReplacesProductId, or of the first tracked ingredient (a call or premium upgrade).</summary>
    public const string Substitute = "substitute";

    public static IReadOnlyList<string> All { get; } = [Ignore, Multiply, SetSize, Add, Substitute];
}

/// <summary>A POS modifier (by the POS's own modifier id) and its rule.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PosModifierRule.v1")]
public sealed record PosModifierRule(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string PosModifierId,
    [property: Id(3)] string Name,
    [property: Id(4)] string Action,
    [property: Id(5)] decimal? Factor,
    [property: Id(6)] decimal? VolumeMl,
    [property: Id(7)] Guid? ServingSizeId,
    [property: Id(8)] Guid? ProductId,
    [property: Id(9)] Guid? ReplacesProductId,
    [property: Id(10)] DateTime CreatedAt,
    [property: Id(11)] DateTime UpdatedAt);

[GenerateSerializer, Immutable, Alias("ipf.PosModifierDraft.v1")]
public sealed record PosModifierDraft(
    [property: Id(0)] string? PosModifierId = null,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] string? Action = null,
    [property: Id(3)] decimal? Factor = null,
    [property: Id(4)] decimal? VolumeMl = null,
    [property: Id(5)] Guid? ServingSizeId = null,
    [property: Id(6)] Guid? ProductId = null,
    [property: Id(7)] Guid? ReplacesProductId = null,
    [property: Id(8)] decimal? VolumeOz = null);

/// <summary>A POS line to turn into stock: the POS's item id and modifier ids, at a location, so many times.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PosLine.v1")]
public sealed record PosLine(
    [property: Id(0)] string PosItemId,
    [property: Id(1)] IReadOnlyList<string> ModifierIds,
    [property: Id(2)] decimal Quantity);

/// <summary>What one POS line takes from one product: millilitres poured, or whole units.</summary>
[GenerateSerializer, Immutable, Alias("ipf.Depletion.v1")]
public sealed record Depletion(
    [property: Id(0)] Guid ProductId,
    [property: Id(1)] decimal? VolumeMl,
    [property: Id(2)] decimal? Quantity);
