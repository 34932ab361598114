using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Integrations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Integrations;

/// <summary>Integration clients an admin creates: systems that take scoped tokens at POST /api/v1/auth/token.</summary>
public static class IntegrationClientsApi
{
    public static IEndpointRouteBuilder MapIntegrationClientsApi(this IEndpointRouteBuilder routes)
    {
        var clients = routes.MapGroup("/api/v1/integrations/clients").WithTags("Integrations").RequireAuthorization(Policies.Admin);
        clients.MapPost("/", Create)
            .WithSummary("Create an integration client with the scopes it may hold (and integrationId: the POS integration whose sales it may push); its secret is shown in this answer only (admin)");
        clients.MapGet("/", List).WithSummary("List integration clients, without secrets (admin)");
        clients.MapDelete("/{id:guid}", Revoke).WithSummary("Revoke an integration client: it gets no new token; tokens it holds end within their lifetime (admin)");
        return routes;
    }

    /// <summary>A new client as its admin sees it once, flat like a new integration or webhook: with its secret.</summary>
    public sealed record IssuedClientView(Guid Id, string Name, IReadOnlyList<string> Scopes, DateTime CreatedAt, string ClientSecret, Guid? IntegrationId)
    {
        public static IssuedClientView Of(IssuedClient issued) =>
            new(issued.Client.Id, issued.Client.Name, issued.Client.Scopes, issued.Client.CreatedAt, issued.ClientSecret, issued.Client.IntegrationId);
    }

    private static async Task<Created<Envelope<IssuedClientView>>> Create(ClientDraft? body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var issued = await Clients(grains).Create(caller.OrganizationId, body ?? new ClientDraft(null, null), caller.UserId);
        return TypedResults.Created($"/api/v1/integrations/clients/{issued.Client.Id}", Envelope.Of(IssuedClientView.Of(issued)));
    }

    private static async Task<Ok<Envelope<ListData<ClientDetails>>>> List([AsParameters] ListQuery query, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Clients(grains).List(CurrentUser.From(principal).OrganizationId, query.ToPageRequest())));

    private static async Task<NoContent> Revoke(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await Clients(grains).Revoke(CurrentUser.From(principal).OrganizationId, id);
        return TypedResults.NoContent();
    }

    private static IIntegrationClientsGrain Clients(IGrainFactory grains) => grains.GetGrain<IIntegrationClientsGrain>(GrainKeys.IdentityKey);
}
