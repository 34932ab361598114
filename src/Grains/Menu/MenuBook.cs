using InventoryProFlow.Contracts.Menu;

namespace InventoryProFlow.Grains.Menu;

/// <summary>
/// An organisation's menu at one moment, as the depletion of a POS line reads it: serving sizes and recipes by id,
/// POS items by the POS's id (a location's own mapping before the organisation's), modifier rules by the POS's id.
/// </summary>
public sealed record MenuBook(
    IReadOnlyDictionary<Guid, ServingSize> ServingSizes,
    IReadOnlyDictionary<Guid, Recipe> Recipes,
    IReadOnlyList<PosItemMapping> PosItems,
    IReadOnlyDictionary<string, PosModifierRule> Modifiers)
{
    // Modifiers apply in this order whatever order the POS lists them in: the size of the pour, then which brand,
    // then what is added, then how many times; "double" and "rocks" mean the same on any till.
    private static readonly string[] ActionOrder =
        [ModifierActions.SetSize, ModifierActions.Substitute, ModifierActions.Add, ModifierActions.Multiply, ModifierActions.Ignore];

    public PosItemMapping? Item(Guid locationId, string posItemId) =>
        PosItems.FirstOrDefault(i => i.LocationId == locationId && i.PosItemId == posItemId)
        ?? PosItems.FirstOrDefault(i => i.LocationId is null && i.PosItemId == posItemId);

    /// <summary>
    /// What a POS line takes from stock, per product (two ingredients of one product are summed), or null when its
    /// item is not mapped. Modifiers the menu does not know are ignored, as a "no ice" is.
    /// </summary>
    public IReadOnlyList<Depletion>? Deplete(Guid locationId, PosLine line)
    {
        if (Item(locationId, line.PosItemId) is not { } item)
        {
            return null;
        }

        var pours = Base(item);
        var rules = line.ModifierIds.Select(id => Modifiers.GetValueOrDefault(id)).OfType<PosModifierRule>()
            .OrderBy(m => Array.IndexOf(ActionOrder, m.Action));
        foreach (var rule in rules)
        {
            Apply(pours, rule);
        }

        return pours
            .GroupBy(p => (p.ProductId, ByVolume: p.VolumeMl is not null))
            .Select(g => new Depletion(
                g.Key.ProductId,
                g.Key.ByVolume ? Math.Round(g.Sum(p => p.VolumeMl!.Value) * line.Quantity, 3) : null,
                g.Key.ByVolume ? null : g.Sum(p => p.Quantity!.Value) * line.Quantity))
            .ToList();
    }

    /// <summary>The volume a serving size or a volume names; null when neither is given.</summary>
    public decimal? Volume(decimal? volumeMl, Guid? servingSizeId) =>
        volumeMl ?? (servingSizeId is { } id && ServingSizes.TryGetValue(id, out var size) ? size.VolumeMl : null);

    private List<Pour> Base(PosItemMapping item) => item.RecipeId is { } recipeId
        ? Recipes[recipeId].Ingredients
            .Where(i => i.ProductId is not null)
            .Select(i => new Pour(i.ProductId!.Value, i.Quantity is null ? Volume(i.VolumeMl, i.ServingSizeId) : null, i.Quantity))
            .ToList()
        : [new Pour(item.ProductId!.Value, item.Quantity is null ? Volume(item.VolumeMl, item.ServingSizeId) : null, item.Quantity)];

    private void Apply(List<Pour> pours, PosModifierRule rule)
    {
        switch (rule.Action)
        {
            case ModifierActions.Multiply:
                for (var i = 0; i < pours.Count; i++)
                {
                    pours[i] = pours[i] with { VolumeMl = pours[i].VolumeMl * rule.Factor, Quantity = pours[i].Quantity * rule.Factor };
                }

                break;
            case ModifierActions.SetSize when pours.FindIndex(p => p.VolumeMl is not null) is var first and >= 0:
                pours[first] = pours[first] with { VolumeMl = Volume(rule.VolumeMl, rule.ServingSizeId) };
                break;
            case ModifierActions.Add:
                pours.Add(new Pour(rule.ProductId!.Value, Volume(rule.VolumeMl, rule.ServingSizeId), null));
                break;
            case ModifierActions.Substitute when (rule.ReplacesProductId is { } replaced ? pours.FindIndex(p => p.ProductId == replaced) : pours.Count > 0 ? 0 : -1) is var at and >= 0:
                pours[at] = pours[at] with { ProductId = rule.ProductId!.Value };
                break;
        }
    }

    private sealed record Pour(Guid ProductId, decimal? VolumeMl, decimal? Quantity);
}
