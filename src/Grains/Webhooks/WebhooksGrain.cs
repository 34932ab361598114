using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>An organisation's webhook subscriptions and their delivery log. Stateless: the tables hold it all.</summary>
[StatelessWorker]
public sealed class WebhooksGrain(WebhookRepository webhooks, WebhookDispatcher dispatcher, WebhookLimits limits, IdFactory ids, TimeProvider time) : Grain, IWebhooksGrain
{
    private Guid OrganizationId => GrainKeys.ParseWebhooks(this.GetPrimaryKeyString());

    public async Task<IssuedWebhook> Create(WebhookDraft draft, Guid createdBy)
    {
        var events = draft.Events ?? [];
        var violations = new Violations()
            .When(events.Count == 0, "events", $"events must name at least one of: {string.Join(", ", WebhookEvents.All)}.")
            .MaxLength("description", draft.Description, 500)
            .When(draft.Url is not null && draft.WebhookUrl is not null && draft.Url != draft.WebhookUrl, "webhookUrl", "Give the URL once: url or webhookUrl, not two different ones.")
            .When(draft.Secret is { } chosen && !WebhookSecrets.IsAcceptable(chosen), "secret",
                $"secret must be {WebhookSecrets.MinLength} to {WebhookSecrets.MaxLength} visible ASCII characters with no spaces (or leave it out to get one generated).");
        foreach (var unknown in events.Where(e => !WebhookEvents.All.Contains(e)))
        {
            violations.Add("events", $"'{unknown}' is not an event; use {string.Join(", ", WebhookEvents.All)}.");
        }

        violations.ThrowIfAny();
        var url = await WebhookUrls.Check(draft.Url ?? draft.WebhookUrl, dispatcher.AllowPrivateAddresses, draft.Url is null && draft.WebhookUrl is not null ? "webhookUrl" : "url");
        var secret = draft.Secret ?? ApiKeys.NewWebhookSecret();
        var webhook = new WebhookDetails(ids.NewId(), OrganizationId, url.AbsoluteUri, events.Distinct().ToArray(), draft.Description, time.GetUtcNow().UtcDateTime);
        var stored = await webhooks.Insert(webhook, secret, createdBy) ?? throw new ConflictException(
            ErrorCodes.WebhookLimitReached,
            $"This organisation already has {limits.MaxPerOrganization} webhooks, the most it may have: delete one it no longer needs, or subscribe one webhook to several events.");
        return new IssuedWebhook(stored, secret);
    }

    public Task<Page<WebhookDetails>> List(PageRequest page) => webhooks.List(OrganizationId, page, time.GetUtcNow().UtcDateTime);

    public async Task Delete(Guid webhookId)
    {
        if (!await webhooks.Delete(OrganizationId, webhookId, time.GetUtcNow().UtcDateTime))
        {
            throw NotFoundException.For("webhook", webhookId);
        }
    }

    public async Task<Page<WebhookDelivery>> Deliveries(Guid webhookId, PageRequest page) =>
        await webhooks.Exists(OrganizationId, webhookId)
            ? await webhooks.Deliveries(OrganizationId, webhookId, page)
            : throw NotFoundException.For("webhook", webhookId);

    public async Task<WebhookDelivery> Redeliver(Guid webhookId, Guid outboxId)
    {
        var due = await webhooks.Find(OrganizationId, webhookId, outboxId) ?? throw NotFoundException.For("webhook event", outboxId);
        return await dispatcher.DeliverNow(due);
    }
}
