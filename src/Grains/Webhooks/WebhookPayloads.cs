using System.Text.Json;
using System.Text.Json.Nodes;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Live;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Stock;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>A commit's live events as webhook events: the same facts, named as webhooks name them.</summary>
internal static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    public static IReadOnlyList<OutboxEvent> Of(LiveEvents events)
    {
        var outbox = new List<OutboxEvent>(events.Inventory.Count + events.LowStock.Count + 1);
        if (events.Sale is { } sale)
        {
            outbox.Add(new OutboxEvent(WebhookEvents.SaleCreated, JsonSerializer.Serialize(SeedSale(sale), Json)));
        }

        outbox.AddRange(events.Inventory.Select(i => new OutboxEvent(WebhookEvents.InventoryUpdated, JsonSerializer.Serialize(i, Json))));
        outbox.AddRange(events.LowStock.Select(a => new OutboxEvent(WebhookEvents.LowStock, JsonSerializer.Serialize(a, Json))));
        return outbox;
    }

    // The live event as it is, plus the seed's names for a sale: its transaction (the POS's or caller's reference, else
    // the movement) and its items by sku, quantity and unit price.
    private static JsonObject SeedSale(SaleRecorded sale)
    {
        var data = JsonSerializer.SerializeToNode(sale, Json)!.AsObject();
        data["transactionId"] = sale.ReferenceId ?? sale.MovementId.ToString("D");
        data["items"] = JsonSerializer.SerializeToNode(sale.Lines.Select(l => new { l.Sku, l.Quantity, Price = l.UnitPrice }), Json);
        return data;
    }
}
