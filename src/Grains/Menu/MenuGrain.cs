using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Integrations;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Npgsql;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Menu;

/// <summary>
/// The organisation's menu, the single writer of its serving sizes, recipes, POS items and modifier rules, and the
/// one reader a POS line needs: the whole menu is held in memory (a bar's is a few hundred rows), so turning a line
/// into pours costs no query. Reads interleave; writes run one at a time and replace the book when stored.
/// </summary>
public sealed class MenuGrain(
    ServingSizeTable servingSizes,
    RecipeTable recipes,
    PosItemTable posItems,
    PosModifierTable modifiers,
    IntegrationRepository integrations,
    IdFactory ids,
    TimeProvider time) : Grain, IMenuGrain
{
    // Queued lines of a newly mapped item are applied this many at a time.
    private const int QueuedInParallel = 16;

    private MenuBook _book = null!;

    private Guid OrganizationId => GrainKeys.ParseMenu(this.GetPrimaryKeyString());

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        var organizationId = OrganizationId;
        _book = new MenuBook(
            (await servingSizes.All(organizationId)).ToDictionary(s => s.Id),
            (await recipes.All(organizationId)).ToDictionary(r => r.Id),
            await posItems.All(organizationId),
            (await modifiers.All(organizationId)).ToDictionary(m => m.PosModifierId));
    }

    [ReadOnly]
    public Task<IReadOnlyList<ServingSize>> ServingSizes() =>
        Task.FromResult<IReadOnlyList<ServingSize>>(_book.ServingSizes.Values.OrderBy(s => s.VolumeMl).ThenBy(s => s.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public async Task<ServingSize> SaveServingSize(Guid? id, ServingSizeDraft draft)
    {
        MenuRules.Check(draft);
        var now = Now;
        var before = id is { } existing ? _book.ServingSizes.GetValueOrDefault(existing) ?? throw NotFoundException.For("serving size", existing) : null;
        var size = new ServingSize(before?.Id ?? ids.NewId(), OrganizationId, draft.Name!.Trim(), MenuRules.Millilitres(draft.VolumeMl, draft.VolumeOz)!.Value, before?.CreatedAt ?? now, now);
        var stored = await Unique(() => before is null ? servingSizes.Insert(size) : servingSizes.Update(size), ServingSizeTable.NameUnique, "name", "Another serving size already has this name.");
        _book = _book with { ServingSizes = With(_book.ServingSizes, stored.Id, stored) };
        return stored;
    }

    public async Task DeleteServingSize(Guid id)
    {
        var size = _book.ServingSizes.GetValueOrDefault(id) ?? throw NotFoundException.For("serving size", id);
        var usedBy = _book.Recipes.Values.Where(r => r.Ingredients.Any(i => i.ServingSizeId == id)).Select(r => r.Name)
            .Concat(_book.PosItems.Where(i => i.ServingSizeId == id).Select(i => i.Name))
            .Concat(_book.Modifiers.Values.Where(m => m.ServingSizeId == id).Select(m => m.Name))
            .ToList();
        if (usedBy.Count > 0)
        {
            throw new ConflictException(ErrorCodes.Conflict, $"The serving size '{size.Name}' is poured by {string.Join(", ", usedBy.Take(5))}: change them first.");
        }

        await servingSizes.SoftDelete(OrganizationId, id, Now);
        _book = _book with { ServingSizes = Without(_book.ServingSizes, id) };
    }

    [ReadOnly]
    public Task<IReadOnlyList<Recipe>> Recipes() =>
        Task.FromResult<IReadOnlyList<Recipe>>(_book.Recipes.Values.OrderBy(r => r.Name, StringComparer.OrdinalIgnoreCase).ToList());

    [ReadOnly]
    public Task<Recipe> Recipe(Guid id) => Task.FromResult(_book.Recipes.GetValueOrDefault(id) ?? throw NotFoundException.For("recipe", id));

    public async Task<Recipe> SaveRecipe(Guid? id, RecipeDraft draft)
    {
        MenuRules.Check(draft);
        var before = id is { } existing ? _book.Recipes.GetValueOrDefault(existing) ?? throw NotFoundException.For("recipe", existing) : null;
        var ingredients = draft.Ingredients!.Select(i => i with
        {
            Name = string.IsNullOrWhiteSpace(i.Name) ? null : i.Name.Trim(),
            VolumeMl = MenuRules.Millilitres(i.VolumeMl, i.VolumeOz),
            VolumeOz = null,
        }).ToList();
        var violations = new Violations();
        for (var i = 0; i < ingredients.Count; i++)
        {
            await CheckPour(violations, $"ingredients[{i}]", ingredients[i].ProductId, ingredients[i].VolumeMl, ingredients[i].ServingSizeId);
        }

        violations.ThrowIfAny();
        var now = Now;
        var recipe = new Recipe(before?.Id ?? ids.NewId(), OrganizationId, draft.Name!.Trim(), ingredients, before?.CreatedAt ?? now, now);
        await Unique(async () => { await recipes.Save(recipe, before); return recipe; }, RecipeTable.NameUnique, "name", "Another recipe already has this name.");
        _book = _book with { Recipes = With(_book.Recipes, recipe.Id, recipe) };
        return recipe;
    }

    public async Task DeleteRecipe(Guid id)
    {
        var recipe = _book.Recipes.GetValueOrDefault(id) ?? throw NotFoundException.For("recipe", id);
        if (_book.PosItems.Where(i => i.RecipeId == id).Select(i => i.Name).ToList() is { Count: > 0 } items)
        {
            throw new ConflictException(ErrorCodes.Conflict, $"The recipe '{recipe.Name}' is rung as {string.Join(", ", items.Take(5))}: map or delete those POS items first.");
        }

        await recipes.Delete(recipe, Now);
        _book = _book with { Recipes = Without(_book.Recipes, id) };
    }

    [ReadOnly]
    public Task<IReadOnlyList<PosItemMapping>> PosItems(Guid? locationId) =>
        Task.FromResult<IReadOnlyList<PosItemMapping>>(_book.PosItems
            .Where(i => locationId is null || i.LocationId is null || i.LocationId == locationId)
            .OrderBy(i => i.Name, StringComparer.OrdinalIgnoreCase).ThenBy(i => i.LocationId is null).ToList());

    public async Task<PosItemSaved> SavePosItem(Guid? id, PosItemDraft draft, Actor actor)
    {
        MenuRules.Check(draft);
        var before = id is { } existing ? _book.PosItems.FirstOrDefault(i => i.Id == existing) ?? throw NotFoundException.For("POS item", existing) : null;
        var violations = new Violations()
            .When(draft.RecipeId is { } recipeId && !_book.Recipes.ContainsKey(recipeId), "recipeId", $"recipeId {draft.RecipeId} names no recipe of this organisation.");
        var volume = MenuRules.Millilitres(draft.VolumeMl, draft.VolumeOz);
        var quantity = draft.ProductId is not null && volume is null && draft.ServingSizeId is null ? draft.Quantity ?? 1m : draft.Quantity;
        if (draft.ProductId is not null)
        {
            await CheckPour(violations, string.Empty, draft.ProductId, volume, draft.ServingSizeId);
        }

        if (draft.LocationId is { } locationId && await GrainFactory.ActiveLocationOrNull(OrganizationId, locationId) is null)
        {
            violations.Add("locationId", $"locationId {locationId} names no location of this organisation.");
        }

        violations.ThrowIfAny();
        var now = Now;
        var item = new PosItemMapping(
            before?.Id ?? ids.NewId(), OrganizationId, draft.LocationId, draft.PosItemId!.Trim(), draft.Name!.Trim(), draft.RecipeId, draft.ProductId,
            volume, draft.ServingSizeId, quantity, before?.CreatedAt ?? now, now);
        var stored = await Unique(() => before is null ? posItems.Insert(item) : posItems.Update(item), PosItemTable.PosItemUnique, "posItemId",
            "This POS item is already mapped here; change that mapping instead.");
        _book = _book with { PosItems = _book.PosItems.Where(i => i.Id != stored.Id).Append(stored).ToList() };
        return new PosItemSaved(stored, await ApplyQueued(stored, actor));
    }

    public async Task DeletePosItem(Guid id)
    {
        if (!await posItems.SoftDelete(OrganizationId, id, Now))
        {
            throw NotFoundException.For("POS item", id);
        }

        _book = _book with { PosItems = _book.PosItems.Where(i => i.Id != id).ToList() };
    }

    [ReadOnly]
    public Task<IReadOnlyList<PosModifierRule>> Modifiers() =>
        Task.FromResult<IReadOnlyList<PosModifierRule>>(_book.Modifiers.Values.OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).ToList());

    public async Task<PosModifierRule> SaveModifier(Guid? id, PosModifierDraft draft)
    {
        MenuRules.Check(draft);
        var before = id is { } existing ? _book.Modifiers.Values.FirstOrDefault(m => m.Id == existing) ?? throw NotFoundException.For("POS modifier", existing) : null;
        var volume = MenuRules.Millilitres(draft.VolumeMl, draft.VolumeOz);
        var violations = new Violations();
        if (draft.Action is ModifierActions.Add or ModifierActions.SetSize)
        {
            await CheckPour(violations, string.Empty, draft.ProductId, volume, draft.ServingSizeId);
        }
        else if (draft.Action == ModifierActions.Substitute)
        {
            await CheckPour(violations, string.Empty, draft.ProductId, null, null);
            await CheckProduct(violations, "replacesProductId", draft.ReplacesProductId);
        }

        violations.ThrowIfAny();
        var now = Now;
        var keeps = (string action) => draft.Action == action;
        var rule = new PosModifierRule(
            before?.Id ?? ids.NewId(), OrganizationId, draft.PosModifierId!.Trim(), draft.Name!.Trim(), draft.Action!,
            keeps(ModifierActions.Multiply) ? draft.Factor : null,
            keeps(ModifierActions.SetSize) || keeps(ModifierActions.Add) ? volume : null,
            keeps(ModifierActions.SetSize) || keeps(ModifierActions.Add) ? draft.ServingSizeId : null,
            keeps(ModifierActions.Add) || keeps(ModifierActions.Substitute) ? draft.ProductId : null,
            keeps(ModifierActions.Substitute) ? draft.ReplacesProductId : null,
            before?.CreatedAt ?? now, now);
        var stored = await Unique(() => before is null ? modifiers.Insert(rule) : modifiers.Update(rule), PosModifierTable.ModifierUnique, "posModifierId",
            "This POS modifier already has a rule; change that rule instead.");
        var others = _book.Modifiers.Values.Where(m => m.Id != stored.Id).ToDictionary(m => m.PosModifierId);
        others[stored.PosModifierId] = stored;
        _book = _book with { Modifiers = others };
        return stored;
    }

    public async Task DeleteModifier(Guid id)
    {
        if (!await modifiers.SoftDelete(OrganizationId, id, Now))
        {
            throw NotFoundException.For("POS modifier", id);
        }

        _book = _book with { Modifiers = _book.Modifiers.Values.Where(m => m.Id != id).ToDictionary(m => m.PosModifierId) };
    }

    [ReadOnly]
    public Task<IReadOnlyList<string>> Pouring(Guid productId) =>
        Task.FromResult<IReadOnlyList<string>>(_book.Recipes.Values.Where(r => r.Ingredients.Any(i => i.ProductId == productId)).Select(r => r.Name)
            .Concat(_book.PosItems.Where(i => i.ProductId == productId).Select(i => i.Name))
            .Concat(_book.Modifiers.Values.Where(m => m.ProductId == productId || m.ReplacesProductId == productId).Select(m => m.Name))
            .Order(StringComparer.OrdinalIgnoreCase).ToList());

    [ReadOnly]
    public Task<IReadOnlyList<IReadOnlyList<Depletion>?>> Deplete(Guid locationId, IReadOnlyList<PosLine> lines) =>
        Task.FromResult<IReadOnlyList<IReadOnlyList<Depletion>?>>(lines.Select(line => _book.Deplete(locationId, line)).ToList());

    private DateTime Now => time.GetUtcNow().UtcDateTime;

    // Lines that waited for this item are applied now, each once (keyed by the queued line), whichever mapping came first.
    private async Task<int> ApplyQueued(PosItemMapping item, Actor actor)
    {
        var waiting = (await integrations.OpenLinesOf(OrganizationId, item.PosItemId))
            .Where(line => item.LocationId is null || line.LocationId == item.LocationId)
            .ToList();
        var applied = 0;
        foreach (var chunk in waiting.Chunk(QueuedInParallel))
        {
            var results = await Task.WhenAll(chunk.Select(line =>
            {
                var depletion = _book.Deplete(line.LocationId, new PosLine(item.PosItemId, line.ModifierIds ?? [], line.Quantity));
                return depletion is null
                    ? Task.FromResult(false)
                    : GrainFactory.GetGrain<IUnmappedItemGrain>(GrainKeys.UnmappedItem(OrganizationId, line.Id)).Apply(depletion, actor).ContinueWith(t => t.IsCompletedSuccessfully, TaskScheduler.Current);
            }));
            applied += results.Count(done => done);
        }

        return applied;
    }

    // A tracked pour must name a live product of this organisation, poured by volume only if it has a size; a serving size must exist.
    private async Task CheckPour(Violations violations, string at, Guid? productId, decimal? volumeMl, Guid? servingSizeId)
    {
        var prefix = at.Length == 0 ? string.Empty : at + ".";
        violations.When(servingSizeId is { } size && !_book.ServingSizes.ContainsKey(size), prefix + "servingSizeId", $"{prefix}servingSizeId {servingSizeId} names no serving size of this organisation.");
        var product = await CheckProduct(violations, prefix + "productId", productId);
        violations.When(product is { SizeMl: null } && (volumeMl is not null || servingSizeId is not null), prefix + "volumeMl",
            $"{product?.Sku} is counted as each, so it cannot be poured by volume: give a quantity.");
    }

    private async Task<ProductDetails?> CheckProduct(Violations violations, string field, Guid? productId)
    {
        if (productId is not { } id)
        {
            return null;
        }

        var product = await GrainFactory.ProductOrNull(OrganizationId, id);
        if (product is null)
        {
            violations.Add(field, CatalogueReferences.NoProduct(field, id));
        }

        return product;
    }

    // Names are unique per organisation; two writers may race, so the database decides and its refusal becomes a 409.
    private static async Task<T> Unique<T>(Func<Task<T>> write, string constraint, string field, string message)
    {
        try
        {
            return await write();
        }
        catch (PostgresException error) when (error.IsUniqueViolation(constraint))
        {
            throw new ConflictException(ErrorCodes.Conflict, message, [new FieldError(field, message)]);
        }
    }

    private static Dictionary<TKey, TValue> With<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> map, TKey key, TValue value)
        where TKey : notnull => new(map) { [key] = value };

    private static Dictionary<TKey, TValue> Without<TKey, TValue>(IReadOnlyDictionary<TKey, TValue> map, TKey key)
        where TKey : notnull => map.Where(p => !EqualityComparer<TKey>.Default.Equals(p.Key, key)).ToDictionary(p => p.Key, p => p.Value);
}
