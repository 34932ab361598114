using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Grains.Stock;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Menu;

/// <summary>What a serving size, recipe, POS item or modifier rule must say; references are checked by the menu grain.</summary>
internal static class MenuRules
{
    public const decimal MaxPourMl = 100_000m;
    public const int MaxIngredients = 50;

    public static void Check(ServingSizeDraft draft) => new Violations()
        .Required("name", draft.Name, 100)
        .Volume("volumeMl", draft.VolumeMl, draft.VolumeOz, required: true)
        .ThrowIfAny();

    public static void Check(RecipeDraft draft)
    {
        var ingredients = draft.Ingredients ?? [];
        var violations = new Violations()
            .Required("name", draft.Name)
            .When(ingredients.Count == 0, "ingredients", "ingredients must hold at least one ingredient.")
            .When(ingredients.Count > MaxIngredients, "ingredients", $"ingredients may hold at most {MaxIngredients}.");
        for (var i = 0; i < Math.Min(ingredients.Count, MaxIngredients); i++)
        {
            var at = $"ingredients[{i}]";
            if (ingredients[i] is not { } ingredient)
            {
                violations.Add(at, $"{at} is empty.");
                continue;
            }

            violations
                .When(ingredient.ProductId is null && string.IsNullOrWhiteSpace(ingredient.Name), at, $"{at} needs a productId, or a name for an ingredient stock does not track.")
                .MaxLength($"{at}.name", ingredient.Name);
            if (ingredient.ProductId is not null)
            {
                violations.Measure(at, ingredient.VolumeMl, ingredient.VolumeOz, ingredient.ServingSizeId, ingredient.Quantity);
            }
        }

        violations.ThrowIfAny();
    }

    public static void Check(PosItemDraft draft)
    {
        var violations = new Violations()
            .Required("posItemId", draft.PosItemId, 128)
            .Required("name", draft.Name)
            .When((draft.RecipeId is null) == (draft.ProductId is null), "recipeId", "Give a recipeId, or a productId (with its pour or quantity), not both.");
        var measured = (draft.VolumeMl ?? draft.VolumeOz ?? draft.Quantity) is not null || draft.ServingSizeId is not null;
        if (draft.ProductId is not null && measured)
        {
            // Without a pour or quantity, a product's item is one whole unit (a bottle sold in a liquor store).
            violations.Measure(string.Empty, draft.VolumeMl, draft.VolumeOz, draft.ServingSizeId, draft.Quantity);
        }

        violations.When(draft.RecipeId is not null && measured, "recipeId", "A recipe item pours what its recipe says: give no volume or quantity.")
            .ThrowIfAny();
    }

    public static void Check(PosModifierDraft draft)
    {
        var violations = new Violations()
            .Required("posModifierId", draft.PosModifierId, 128)
            .Required("name", draft.Name)
            .Required("action", draft.Action, 16)
            .OneOf("action", draft.Action, ModifierActions.All);
        switch (draft.Action)
        {
            case ModifierActions.Multiply:
                violations.Required("factor", draft.Factor).When(draft.Factor is <= 0 or > 100, "factor", "factor must be more than 0 and at most 100.").Decimals("factor", draft.Factor, 3);
                break;
            case ModifierActions.SetSize:
                violations.Volume("volumeMl", draft.VolumeMl, draft.VolumeOz, required: draft.ServingSizeId is null);
                break;
            case ModifierActions.Add:
                violations.Required("productId", draft.ProductId).Volume("volumeMl", draft.VolumeMl, draft.VolumeOz, required: draft.ServingSizeId is null);
                break;
            case ModifierActions.Substitute:
                violations.Required("productId", draft.ProductId);
                break;
        }

        violations.ThrowIfAny();
    }

    /// <summary>Millilitres or US fluid ounces, one of the two, as millilitres to the thousandth.</summary>
    public static decimal? Millilitres(decimal? volumeMl, decimal? volumeOz) =>
        volumeMl ?? (volumeOz is { } oz ? Container.Millilitres(oz) : null);

    // A tracked ingredient or a pour: exactly one of millilitres, ounces, a serving size or whole units.
    private static Violations Measure(this Violations violations, string at, decimal? volumeMl, decimal? volumeOz, Guid? servingSizeId, decimal? quantity)
    {
        var prefix = at.Length == 0 ? string.Empty : at + ".";
        var given = new object?[] { volumeMl, volumeOz, servingSizeId, quantity }.Count(v => v is not null);
        return violations
            .When(given != 1, prefix + "volumeMl", $"{(at.Length == 0 ? "A pour" : at)} needs exactly one of volumeMl, volumeOz, servingSizeId or quantity.")
            .Volume(prefix + "volumeMl", volumeMl, volumeOz, required: false)
            .When(quantity is <= 0 or > StockRules.MaxQuantity, prefix + "quantity", $"{prefix}quantity must be more than 0 and at most {StockRules.MaxQuantity}.")
            .Decimals(prefix + "quantity", quantity, Container.QuantityDecimals);
    }

    private static Violations Volume(this Violations violations, string field, decimal? volumeMl, decimal? volumeOz, bool required)
    {
        var ozField = field.Replace("volumeMl", "volumeOz", StringComparison.Ordinal);
        return violations
            .When(required && volumeMl is null && volumeOz is null, field, $"{field} (or {ozField}) is required.")
            .When(volumeMl is not null && volumeOz is not null, field, $"Give {field} or {ozField}, not both.")
            .When(volumeMl is <= 0 or > MaxPourMl, field, $"{field} must be more than 0 and at most {MaxPourMl}.")
            .Decimals(field, volumeMl, Container.VolumeDecimals)
            .When(volumeOz is <= 0 or > 3_000, ozField, $"{ozField} must be more than 0 and at most 3000.")
            .Decimals(ozField, volumeOz, 3);
    }
}
