using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Integrations;

/// <summary>Integrations an admin sets up (a POS's API key and signing secret, shown once) and the queue of POS lines nobody could match.</summary>
public static class IntegrationsApi
{
    public sealed record IntegrationDraft(string? Name, string? Kind);

    public sealed record Mapping(Guid? ProductId);

    public static IEndpointRouteBuilder MapIntegrationsApi(this IEndpointRouteBuilder routes)
    {
        var integrations = routes.MapGroup("/api/v1/integrations").WithTags("Integrations");
        integrations.MapPost("/", Create).RequireAuthorization(Policies.Admin)
            .WithSummary("Set up a POS integration; its API key and webhook secret are shown in this answer only (admin)");
        integrations.MapGet("/", List).RequireAuthorization(Policies.Admin).WithSummary("List integrations, without their credentials (admin)");
        integrations.MapDelete("/{id:guid}", Revoke).RequireAuthorization(Policies.Admin).WithSummary("Revoke an integration: its key stops working at once (admin)");
        integrations.MapGet("/unmapped", Unmapped).RequireAuthorization(Policies.CatalogueWriter).WithName("listUnmappedPosItems")
            .WithSummary("POS lines whose sku or barcode matched no product (includeMapped=true for the mapped ones too)");
        integrations.MapPost("/unmapped/{id:guid}/map", Map).RequireAuthorization(Policies.CatalogueWriter).WithName("mapUnmappedPosItem")
            .WithSummary("Map a queued POS line to a product: it is applied as a sale, once");
        return routes;
    }

    private static async Task<Created<Envelope<IssuedIntegrationView>>> Create(IntegrationDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var issued = await Integrations(caller, grains).Create(body?.Name, body?.Kind, caller.UserId);
        return TypedResults.Created($"/api/v1/integrations/{issued.Integration.Id}", Envelope.Of(IssuedIntegrationView.Of(issued)));
    }

    private static async Task<Ok<Envelope<ListData<IntegrationDetails>>>> List([AsParameters] ListQuery query, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Integrations(CurrentUser.From(principal), grains).List(query.ToPageRequest())));

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await Integrations(CurrentUser.From(principal), grains).Revoke(id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Envelope<ListData<UnmappedItem>>>> Unmapped(
        [AsParameters] ListQuery query, string? includeMapped, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Integrations(CurrentUser.From(principal), grains)
            .Unmapped(query.ToPageRequest(), ListQuery.Flag("includeMapped", includeMapped))));

    private static async Task<Ok<Envelope<UnmappedItem>>> Map(Guid id, Mapping body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var productId = body?.ProductId ?? throw new Contracts.Errors.ValidationFailedException([new Contracts.Errors.FieldError("productId", "productId is required.")]);
        var mapped = await grains.GetGrain<IUnmappedItemGrain>(GrainKeys.UnmappedItem(caller.OrganizationId, id)).Map(productId, caller.Actor);
        return TypedResults.Ok(Envelope.Of(mapped));
    }

    private static IIntegrationsGrain Integrations(CurrentUser caller, IGrainFactory grains) =>
        grains.GetGrain<IIntegrationsGrain>(GrainKeys.Integrations(caller.OrganizationId));

    /// <summary>The one answer that carries the credentials.</summary>
    public sealed record IssuedIntegrationView(Guid Id, string Name, string Kind, string ApiKeyPrefix, DateTime CreatedAt, string ApiKey, string WebhookSecret)
    {
        public static IssuedIntegrationView Of(IssuedIntegration issued) => new(
            issued.Integration.Id, issued.Integration.Name, issued.Integration.Kind, issued.Integration.ApiKeyPrefix, issued.Integration.CreatedAt,
            issued.ApiKey, issued.WebhookSecret);
    }
}
