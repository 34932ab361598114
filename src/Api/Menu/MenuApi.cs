using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Paging;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Menu;

/// <summary>
/// The menu as stock sees it: serving sizes, recipes, POS items and modifier rules. Read by anyone of the organisation;
/// changed by managers and admins. PUT replaces the whole record, as it was sent.
/// </summary>
public static class MenuApi
{
    public static IEndpointRouteBuilder MapMenuApi(this IEndpointRouteBuilder routes)
    {
        var sizes = routes.MapGroup("/api/v1/serving-sizes").WithTags("Menu").RequireAuthorization(Policies.InventoryReader);
        sizes.MapGet("/", async ([AsParameters] ListQuery query, ClaimsPrincipal p, IGrainFactory g) => Listed(query, await Menu(p, g).ServingSizes()))
            .WithSummary("The organisation's serving sizes (shot, double, wine glass, pint), smallest first");
        sizes.MapPost("/", async (ServingSizeDraft body, ClaimsPrincipal p, IGrainFactory g) => Created("serving-sizes", await Menu(p, g).SaveServingSize(null, body), s => s.Id))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Add a serving size: name and volumeMl or volumeOz");
        sizes.MapPut("/{id:guid}", async (Guid id, ServingSizeDraft body, ClaimsPrincipal p, IGrainFactory g) => Ok(await Menu(p, g).SaveServingSize(id, body)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Replace a serving size; every pour of it follows");
        sizes.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal p, IGrainFactory g) => Deleted(() => Menu(p, g).DeleteServingSize(id)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Delete a serving size no recipe, POS item or modifier pours");

        var recipes = routes.MapGroup("/api/v1/recipes").WithTags("Menu").RequireAuthorization(Policies.InventoryReader);
        recipes.MapGet("/", async ([AsParameters] ListQuery query, ClaimsPrincipal p, IGrainFactory g) => Listed(query, await Menu(p, g).Recipes()))
            .WithSummary("The organisation's recipes, by name");
        recipes.MapGet("/{id:guid}", async (Guid id, ClaimsPrincipal p, IGrainFactory g) => Ok(await Menu(p, g).Recipe(id))).WithSummary("One recipe");
        recipes.MapPost("/", async (RecipeDraft body, ClaimsPrincipal p, IGrainFactory g) => Created("recipes", await Menu(p, g).SaveRecipe(null, body), r => r.Id))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Add a recipe: name and ingredients (productId with volumeMl, volumeOz, servingSizeId or quantity; or an untracked name)");
        recipes.MapPut("/{id:guid}", async (Guid id, RecipeDraft body, ClaimsPrincipal p, IGrainFactory g) => Ok(await Menu(p, g).SaveRecipe(id, body)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Replace a recipe");
        recipes.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal p, IGrainFactory g) => Deleted(() => Menu(p, g).DeleteRecipe(id)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Delete a recipe no POS item rings");

        var items = routes.MapGroup("/api/v1/pos-items").WithTags("Menu").RequireAuthorization(Policies.InventoryReader);
        items.MapGet("/", async ([AsParameters] ListQuery query, string? locationId, ClaimsPrincipal p, IGrainFactory g) =>
                Listed(query, await Menu(p, g).PosItems(QueryValues.Id("locationId", locationId))))
            .WithSummary("POS items and what each pours (locationId: the organisation's and that location's own)");
        items.MapPost("/", async (PosItemDraft body, ClaimsPrincipal p, IGrainFactory g) =>
                Created("pos-items", await Menu(p, g).SavePosItem(null, body, CurrentUser.From(p).Actor), s => s.Item.Id))
            .RequireAuthorization(Policies.CatalogueWriter)
            .WithSummary("Map a POS item to a recipe, a pour of a product or whole units; its queued lines are applied once");
        items.MapPut("/{id:guid}", async (Guid id, PosItemDraft body, ClaimsPrincipal p, IGrainFactory g) => Ok(await Menu(p, g).SavePosItem(id, body, CurrentUser.From(p).Actor)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Replace a POS item's mapping");
        items.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal p, IGrainFactory g) => Deleted(() => Menu(p, g).DeletePosItem(id)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Unmap a POS item: its next lines are queued");

        var modifiers = routes.MapGroup("/api/v1/pos-modifiers").WithTags("Menu").RequireAuthorization(Policies.InventoryReader);
        modifiers.MapGet("/", async ([AsParameters] ListQuery query, ClaimsPrincipal p, IGrainFactory g) => Listed(query, await Menu(p, g).Modifiers()))
            .WithSummary("POS modifier rules: ignore, multiply, set_size, add, substitute");
        modifiers.MapPost("/", async (PosModifierDraft body, ClaimsPrincipal p, IGrainFactory g) => Created("pos-modifiers", await Menu(p, g).SaveModifier(null, body), m => m.Id))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Add a rule for a POS modifier id");
        modifiers.MapPut("/{id:guid}", async (Guid id, PosModifierDraft body, ClaimsPrincipal p, IGrainFactory g) => Ok(await Menu(p, g).SaveModifier(id, body)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Replace a modifier rule");
        modifiers.MapDelete("/{id:guid}", (Guid id, ClaimsPrincipal p, IGrainFactory g) => Deleted(() => Menu(p, g).DeleteModifier(id)))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Delete a modifier rule: the modifier is then ignored");
        return routes;
    }

    // The menu is small and held in memory: a page of it is cut here, with the list's usual pagination block.
    private static Ok<Envelope<ListData<T>>> Listed<T>(ListQuery query, IReadOnlyList<T> all)
    {
        var page = query.ToPageRequest();
        return TypedResults.Ok(Envelope.Of(new Page<T>(all.Skip(page.Offset).Take(page.Limit).ToList(), page.Page, page.Limit, all.Count)));
    }

    private static Ok<Envelope<T>> Ok<T>(T data) => TypedResults.Ok(Envelope.Of(data));

    private static Created<Envelope<T>> Created<T>(string path, T data, Func<T, Guid> id) => TypedResults.Created($"/api/v1/{path}/{id(data)}", Envelope.Of(data));

    private static async Task<NoContent> Deleted(Func<Task> delete)
    {
        await delete();
        return TypedResults.NoContent();
    }

    private static IMenuGrain Menu(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IMenuGrain>(GrainKeys.Menu(CurrentUser.From(principal).OrganizationId));
}
