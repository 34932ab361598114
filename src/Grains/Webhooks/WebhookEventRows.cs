using System.Text;
using System.Text.Json;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// The one statement that keeps events for webhooks, run inside the transaction of the change they tell of: one row
/// per change (all its events in one JSON array), written only when the organisation has a live webhook. The
/// dispatcher copies it to each subscribed webhook afterwards (<see cref="WebhookRepository.FanOut"/>), so the
/// change's transaction, which the ledger shares between tenants, costs the same with one webhook or two hundred.
/// Parameters: <c>@org</c> uuid[], <c>@events</c> text[] (see <see cref="Json"/>), <c>@at</c> timestamptz[] (when it
/// happened, by the product's clock: the events' time and their first delivery's), one element per change.
/// </summary>
internal static class WebhookEventRows
{
    public const string Sql =
        "INSERT INTO app.webhook_events (organization_id, events, created_at) " +
        "SELECT e.org, e.events::jsonb, e.at FROM unnest(@org, @events, @at) AS e(org, events, at) " +
        "WHERE EXISTS (SELECT 1 FROM app.webhooks w WHERE w.organization_id = e.org AND w.deleted_at IS NULL)";

    /// <summary>One change's events as the JSON array the row keeps; each payload is JSON already and goes in as it is.</summary>
    public static string Json(IEnumerable<OutboxEvent> events)
    {
        var json = new StringBuilder("[");
        foreach (var e in events)
        {
            json.Append(json.Length > 1 ? "," : "").Append("{\"event\":").Append(JsonSerializer.Serialize(e.Event)).Append(",\"payload\":").Append(e.Payload).Append('}');
        }

        return json.Append(']').ToString();
    }
}
