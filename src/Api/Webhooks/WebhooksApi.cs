using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Webhooks;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Webhooks;

/// <summary>Outgoing webhooks: an admin subscribes a URL to events; deliveries are signed, retried for a day and logged.</summary>
public static class WebhooksApi
{
    public static IEndpointRouteBuilder MapWebhooksApi(this IEndpointRouteBuilder routes)
    {
        var webhooks = routes.MapGroup("/api/v1/webhooks").WithTags("Webhooks").RequireAuthorization(Policies.Admin);
        webhooks.MapPost("/", Create).WithSummary("Subscribe a URL to events (sale.created, inventory.updated, alert.lowStock); the signing secret is shown once");
        webhooks.MapGet("/", List).WithSummary("The organisation's webhooks, without secrets");
        webhooks.MapDelete("/{id:guid}", Delete).WithSummary("Stop a webhook; events not yet sent are dropped with it");
        webhooks.MapGet("/{id:guid}/deliveries", Deliveries).WithSummary("Every delivery attempt of a webhook, newest first");
        webhooks.MapPost("/{id:guid}/deliveries/{eventId:guid}/redeliver", Redeliver).LimitRedeliveries()
            .WithSummary("Send one event again now (at most Webhooks:RedeliveriesPerMinute, 10, per webhook a minute)");
        return routes;
    }

    /// <summary>The one answer that carries the secret.</summary>
    public sealed record IssuedWebhookView(Guid Id, string Url, string[] Events, string? Description, DateTime CreatedAt, string Secret);

    private static async Task<Created<Envelope<IssuedWebhookView>>> Create(WebhookDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var caller = CurrentUser.From(principal);
        var issued = await Webhooks(caller, grains).Create(body ?? new WebhookDraft(null, null, null), caller.UserId);
        var webhook = issued.Webhook;
        return TypedResults.Created(
            $"/api/v1/webhooks/{webhook.Id}", Envelope.Of(new IssuedWebhookView(webhook.Id, webhook.Url, webhook.Events, webhook.Description, webhook.CreatedAt, issued.Secret)));
    }

    private static async Task<Ok<Envelope<ListData<WebhookDetails>>>> List([AsParameters] ListQuery query, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Webhooks(CurrentUser.From(principal), grains).List(query.ToPageRequest())));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await Webhooks(CurrentUser.From(principal), grains).Delete(id);
        return TypedResults.NoContent();
    }

    private static async Task<Ok<Envelope<ListData<WebhookDelivery>>>> Deliveries(Guid id, [AsParameters] ListQuery query, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Webhooks(CurrentUser.From(principal), grains).Deliveries(id, query.ToPageRequest())));

    private static async Task<Ok<Envelope<WebhookDelivery>>> Redeliver(Guid id, Guid eventId, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Webhooks(CurrentUser.From(principal), grains).Redeliver(id, eventId)));

    private static IWebhooksGrain Webhooks(CurrentUser caller, IGrainFactory grains) =>
        grains.GetGrain<IWebhooksGrain>(GrainKeys.Webhooks(caller.OrganizationId));
}
