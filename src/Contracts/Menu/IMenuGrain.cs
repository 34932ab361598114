namespace InventoryProFlow.Contracts.Menu;

/// <summary>
/// The organisation's menu as stock sees it: serving sizes, recipes, POS items and modifier rules. Held in
/// memory, so a POS line is turned into what it pours without a database read.
/// </summary>
public interface IMenuGrain : IGrainWithStringKey
{
    Task<IReadOnlyList<ServingSize>> ServingSizes();

    Task<ServingSize> SaveServingSize(Guid? id, ServingSizeDraft draft);

    Task DeleteServingSize(Guid id);

    Task<IReadOnlyList<Recipe>> Recipes();

    Task<Recipe> Recipe(Guid id);

    Task<Recipe> SaveRecipe(Guid? id, RecipeDraft draft);

    Task DeleteRecipe(Guid id);

    Task<IReadOnlyList<PosItemMapping>> PosItems(Guid? locationId);

    /// <summary>Creates or changes a POS item; lines of it waiting in the unmapped queue are then applied, once.</summary>
    Task<PosItemSaved> SavePosItem(Guid? id, PosItemDraft draft, Stock.Actor actor);

    Task DeletePosItem(Guid id);

    Task<IReadOnlyList<PosModifierRule>> Modifiers();

    Task<PosModifierRule> SaveModifier(Guid? id, PosModifierDraft draft);

    Task DeleteModifier(Guid id);

    /// <summary>The recipes, POS items and modifier rules that pour a product, by name: a product they name cannot be deleted.</summary>
    Task<IReadOnlyList<string>> Pouring(Guid productId);

    /// <summary>What each line takes from stock at a location, or null for a line whose POS item is not mapped.</summary>
    Task<IReadOnlyList<IReadOnlyList<Depletion>?>> Deplete(Guid locationId, IReadOnlyList<PosLine> lines);
}
