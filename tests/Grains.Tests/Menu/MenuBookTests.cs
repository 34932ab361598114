using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Grains.Menu;

namespace InventoryProFlow.Grains.Tests.Menu;

/// <summary>What a POS line pours, by hand: a Margarita of 2 oz tequila and 1 oz triple sec (59.147 and 29.574 ml), a 1.5 oz shot (44.360 ml).</summary>
public sealed class MenuBookTests
{
    private static readonly DateTime At = new(2026, 3, 14, 0, 0, 0, DateTimeKind.Utc);
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid Bar = Guid.NewGuid();
    private static readonly Guid Tequila = Guid.NewGuid();
    private static readonly Guid Patron = Guid.NewGuid();
    private static readonly Guid TripleSec = Guid.NewGuid();
    private static readonly Guid GrandMarnier = Guid.NewGuid();
    private static readonly Guid Beer = Guid.NewGuid();
    private static readonly ServingSize Shot = new(Guid.NewGuid(), Organization, "Shot", 44.360m, At, At);
    private static readonly Recipe Margarita = new(Guid.NewGuid(), Organization, "Margarita",
        [new Ingredient(Tequila, VolumeMl: 59.147m), new Ingredient(TripleSec, VolumeMl: 29.574m), new Ingredient(Name: "Lime juice", VolumeMl: 29.574m)], At, At);

    private readonly MenuBook _book = new(
        new Dictionary<Guid, ServingSize> { [Shot.Id] = Shot },
        new Dictionary<Guid, Recipe> { [Margarita.Id] = Margarita },
        [
            Item("MARG", recipeId: Margarita.Id),
            Item("TEQ-SHOT", productId: Tequila, servingSizeId: Shot.Id),
            Item("TEQ-SHOT", productId: Tequila, volumeMl: 30m, locationId: Bar),
            Item("BEER-BTL", productId: Beer, quantity: 1m),
        ],
        new[]
        {
            Rule("DBL", ModifierActions.Multiply, factor: 2m),
            Rule("ROCKS", ModifierActions.SetSize, volumeMl: 59.147m),
            Rule("FLOAT", ModifierActions.Add, productId: GrandMarnier, volumeMl: 14.787m),
            Rule("PATRON", ModifierActions.Substitute, productId: Patron, replaces: Tequila),
            Rule("NO-ICE", ModifierActions.Ignore),
        }.ToDictionary(m => m.PosModifierId));

    [Fact]
    public void A_recipe_pours_its_tracked_ingredients_and_leaves_the_lime_juice_alone()
    {
        var pours = _book.Deplete(Guid.NewGuid(), new PosLine("MARG", [], 2m))!;

        Assert.Equal([new Depletion(Tequila, 118.294m, null), new Depletion(TripleSec, 59.148m, null)], pours);
    }

    [Fact]
    public void A_double_pours_twice_and_an_ignored_modifier_changes_nothing()
    {
        var pours = _book.Deplete(Guid.NewGuid(), new PosLine("TEQ-SHOT", ["NO-ICE", "DBL", "UNKNOWN"], 1m))!;

        Assert.Equal([new Depletion(Tequila, 88.720m, null)], pours);
    }

    [Fact]
    public void Modifiers_apply_in_one_order_whatever_the_till_sends()
    {
        // Rocks sets the pour to 2 oz, then the double makes it 4 oz, in either order on the ticket.
        var rocksFirst = _book.Deplete(Guid.NewGuid(), new PosLine("TEQ-SHOT", ["ROCKS", "DBL"], 1m));
        var doubleFirst = _book.Deplete(Guid.NewGuid(), new PosLine("TEQ-SHOT", ["DBL", "ROCKS"], 1m));

        Assert.Equal([new Depletion(Tequila, 118.294m, null)], rocksFirst!);
        Assert.Equal(rocksFirst, doubleFirst!);
    }

    [Fact]
    public void A_premium_upgrade_swaps_the_brand_and_a_float_adds_an_ingredient()
    {
        var pours = _book.Deplete(Guid.NewGuid(), new PosLine("MARG", ["PATRON", "FLOAT"], 1m))!;

        Assert.Equal([new Depletion(Patron, 59.147m, null), new Depletion(TripleSec, 29.574m, null), new Depletion(GrandMarnier, 14.787m, null)], pours);
    }

    [Fact]
    public void A_locations_own_mapping_wins_over_the_organisations()
    {
        Assert.Equal([new Depletion(Tequila, 30m, null)], _book.Deplete(Bar, new PosLine("TEQ-SHOT", [], 1m))!);
        Assert.Equal([new Depletion(Tequila, 44.360m, null)], _book.Deplete(Guid.NewGuid(), new PosLine("TEQ-SHOT", [], 1m))!);
    }

    [Fact]
    public void A_bottle_sold_whole_takes_units_and_an_unknown_item_is_not_mapped()
    {
        Assert.Equal([new Depletion(Beer, null, 3m)], _book.Deplete(Bar, new PosLine("BEER-BTL", ["DBL"], 1.5m))!);
        Assert.Null(_book.Deplete(Bar, new PosLine("MYSTERY", [], 1m)));
    }

    [Fact]
    public void A_drinks_money_is_shared_by_volume_to_the_cent()
    {
        // $12.00 x 3 = $36.00 over 59.147 and 29.574 ml: 23.9997 and 12.0002, cut to 23.99 and 12.00; the cent left goes to the larger pour.
        var lines = DepletionLines.Of([new Depletion(Tequila, 59.147m, null), new Depletion(TripleSec, 29.574m, null)], 12.00m, 3m);

        Assert.Equal([24.00m, 12.00m], lines.Select(l => l.Amount!.Value));
        Assert.Equal(36.00m, lines.Sum(l => l.Amount!.Value));
        Assert.Equal([59.147m, 29.574m], lines.Select(l => l.VolumeMl!.Value));
    }

    private static PosItemMapping Item(string posItemId, Guid? recipeId = null, Guid? productId = null, decimal? volumeMl = null, Guid? servingSizeId = null, decimal? quantity = null, Guid? locationId = null) =>
        new(Guid.NewGuid(), Organization, locationId, posItemId, posItemId, recipeId, productId, volumeMl, servingSizeId, quantity, At, At);

    private static PosModifierRule Rule(string id, string action, decimal? factor = null, decimal? volumeMl = null, Guid? productId = null, Guid? replaces = null) =>
        new(Guid.NewGuid(), Organization, id, id, action, factor, volumeMl, null, productId, replaces, At, At);
}
