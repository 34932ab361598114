using System.Diagnostics.Metrics;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Operations;

/// <summary>
/// The business counters operators watch, in the meter <see cref="MeterName"/>: each is added to where its fact
/// becomes true (a ledger commit, an alert row inserted, a delivery logged), so a retry or a replay is never counted twice.
/// Prometheus names: dots become underscores and counters end in <c>_total</c> (docs/OPERATIONS.md "Metrics").
/// </summary>
public sealed class TradeMetrics
{
    public const string MeterName = "InventoryProFlow";

    private readonly Counter<long> _saleLines;
    private readonly Counter<long> _counts;
    private readonly Counter<long> _stockAlerts;
    private readonly Counter<long> _complianceAlerts;
    private readonly Counter<long> _webhookDeliveries;
    private readonly Counter<long> _webhookEventsGivenUp;
    private readonly Counter<long> _unmappedLines;
    private readonly Counter<long> _mails;
    private readonly Counter<long> _shrinkageChecks;
    private readonly Counter<long> _ledgerQueueFull;
    private readonly Counter<long> _posLinesRefused;

    public TradeMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        _saleLines = meter.CreateCounter<long>("ipf.sales.lines", "{line}", "Sale lines written to the ledger (POS and API).");
        _counts = meter.CreateCounter<long>("ipf.stock.counts", "{count}", "Physical counts written to the ledger, opening counts included.");
        _stockAlerts = meter.CreateCounter<long>("ipf.stock.alerts", "{alert}", "Stock alerts raised, by kind: low_stock (below par) or negative_stock.");
        _complianceAlerts = meter.CreateCounter<long>("ipf.compliance.alerts", "{alert}", "Compliance alerts raised (licence expiry, report due or overdue), by kind.");
        _webhookDeliveries = meter.CreateCounter<long>("ipf.webhook.deliveries", "{delivery}", "Webhook delivery tries, by outcome: delivered or failed.");
        _webhookEventsGivenUp = meter.CreateCounter<long>("ipf.webhook.events_given_up", "{event}", "Webhook events given up after Webhooks:GiveUpAfterHours of failed tries.");
        _unmappedLines = meter.CreateCounter<long>("ipf.pos.unmapped_lines", "{line}", "POS sale lines queued because no product matched their sku or barcode.");
        _ledgerQueueFull = meter.CreateCounter<long>("ipf.ledger.queue_full", "{movement}", "Movements refused with 503 because this silo's ledger queue was full (Ledger:MaxQueued).");
        _posLinesRefused = meter.CreateCounter<long>("ipf.pos.lines_refused", "{line}", "POS sale lines refused by the per-key or per-organisation line allowance (429 or 413).");
        _mails = meter.CreateCounter<long>("ipf.mail.tries", "{mail}", "Mail sending tries, by outcome: sent, failed (tried again later) or given_up.");
        _shrinkageChecks = meter.CreateCounter<long>(
            "ipf.shrinkage.checks", "{check}", "Queries judging counts found short against their locations' usual variance: one per count, or per count sheet or batch.");
    }

    /// <summary>A movement is durable: its sale and count lines, and the stock alerts it raised (not those it cleared).</summary>
    public void Committed(IReadOnlyList<LedgerEntry> entries, IEnumerable<StockAlert> alerts)
    {
        var sales = 0;
        var counts = 0;
        foreach (var entry in entries)
        {
            sales += entry.Type == MovementTypes.Sale ? 1 : 0;
            counts += entry.Type == MovementTypes.Count ? 1 : 0;
        }

        Add(_saleLines, sales);
        Add(_counts, counts);
        foreach (var alert in alerts.Where(a => a.Raised))
        {
            _stockAlerts.Add(1, new KeyValuePair<string, object?>("kind", alert.Kind));
        }
    }

    public void ComplianceAlertRaised(string kind) => _complianceAlerts.Add(1, new KeyValuePair<string, object?>("kind", kind));

    public void WebhookTried(bool delivered, bool givenUp)
    {
        _webhookDeliveries.Add(1, new KeyValuePair<string, object?>("outcome", delivered ? "delivered" : "failed"));
        if (givenUp)
        {
            _webhookEventsGivenUp.Add(1);
        }
    }

    public void MailTried(string outcome) => _mails.Add(1, new KeyValuePair<string, object?>("outcome", outcome));

    public void UnmappedLinesQueued(int lines) => Add(_unmappedLines, lines);

    public void ShrinkageChecked() => _shrinkageChecks.Add(1);

    public void LedgerQueueFull() => _ledgerQueueFull.Add(1);

    public void PosLinesRefused(int lines) => Add(_posLinesRefused, lines);

    private static void Add(Counter<long> counter, int amount)
    {
        if (amount > 0)
        {
            counter.Add(amount);
        }
    }
}
