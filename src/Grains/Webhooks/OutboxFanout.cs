namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// The one statement that queues events for webhooks, run inside the transaction of the change they tell of:
/// each (organisation, event, payload) goes to every live subscription of that organisation to that event.
/// Only subscriptions that exist when the change commits get it; with none, nothing is written.
/// Parameters: <c>@org</c> uuid[], <c>@event</c> text[], <c>@payload</c> text[] (JSON), <c>@at</c> timestamptz[] (when it
/// happened, by the product's clock: the event's time and its first delivery's), one element per event.
/// </summary>
internal static class OutboxFanout
{
    public const string Sql =
        "INSERT INTO app.webhook_outbox (id, webhook_id, organization_id, event, payload, created_at, next_attempt_at) " +
        "SELECT gen_random_uuid(), w.id, w.organization_id, e.event, e.payload::jsonb, e.at, e.at FROM unnest(@org, @event, @payload, @at) AS e(org, event, payload, at) " +
        "JOIN app.webhooks w ON w.organization_id = e.org AND w.deleted_at IS NULL AND e.event = ANY(w.events)";
}
