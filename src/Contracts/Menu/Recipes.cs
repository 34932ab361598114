namespace InventoryProFlow.Contracts.Menu;

/// <summary>
/// One ingredient of a recipe: a tracked product poured by volume (millilitres, or a serving size) or used in
/// whole units (a bottle of beer in a bucket), or an untracked ingredient named only (lime juice), which stock ignores.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.Ingredient.v1")]
public sealed record Ingredient(
    [property: Id(0)] Guid? ProductId = null,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] decimal? VolumeMl = null,
    [property: Id(3)] Guid? ServingSizeId = null,
    [property: Id(4)] decimal? Quantity = null,
    [property: Id(5)] decimal? VolumeOz = null);

/// <summary>A menu item made of ingredients: a Margarita is 2 oz of tequila, 1 oz of triple sec and lime juice.</summary>
[GenerateSerializer, Immutable, Alias("ipf.Recipe.v1")]
public sealed record Recipe(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Name,
    [property: Id(3)] IReadOnlyList<Ingredient> Ingredients,
    [property: Id(4)] DateTime CreatedAt,
    [property: Id(5)] DateTime UpdatedAt);

[GenerateSerializer, Immutable, Alias("ipf.RecipeDraft.v1")]
public sealed record RecipeDraft(
    [property: Id(0)] string? Name = null,
    [property: Id(1)] IReadOnlyList<Ingredient>? Ingredients = null);
