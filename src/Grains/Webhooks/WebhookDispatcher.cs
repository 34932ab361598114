using System.Text;
using System.Text.Json;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Webhooks;
using InventoryProFlow.Grains.Integrations;
using InventoryProFlow.Grains.Operations;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace InventoryProFlow.Grains.Webhooks;

/// <summary>
/// Sends what the outbox holds: copies each change's event row to its subscribed webhooks, then keeps up to
/// <see cref="WebhookLimits.MaxInFlight"/> deliveries going, one per webhook, the organisations with the fewest in
/// flight first and none above <see cref="WebhookLimits.MaxInFlightPerOrganization"/>; a finished delivery frees its
/// slot for the next at once, so a receiver that never answers holds one slot of its own tenant's, not everyone's
/// batch. Each is posted signed (<c>Ipf-Signature</c>, as POS pushes are checked), every try is logged, failures are
/// retried with exponential backoff and jitter until 24 hours after the event, and a webhook that keeps failing has
/// its circuit opened. Every silo runs one; webhook leases keep two from sending to one webhook at once.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookRepository webhooks, WebhookLimits limits, IdFactory ids, TimeProvider time, TradeMetrics metrics, IConfiguration configuration, IHostEnvironment environment,
    ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    // Event rows copied per round (one round per poll): about this many outbox copies of each organisation's, so a
    // tenant with many webhooks and a flood of sales lags on its own, while one with a webhook gets 500 sales a round;
    // across rounds, FanOutShares keeps each organisation to its share a second.
    private const int FanOutRows = 2_000;
    private const int FanOutCopiesPerOrganization = 1_000;
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    private readonly HttpClient _http = Client(configuration, environment);

    private readonly FanOutShares _shares = new(configuration.GetValue("Webhooks:FanOutCopiesPerSecond", 2_000), time);

    private readonly TimeSpan _poll = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:PollSeconds", 1.0));
    private readonly TimeSpan _retryBase = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:RetryBaseSeconds", 30.0));
    private readonly TimeSpan _giveUpAfter = TimeSpan.FromHours(configuration.GetValue("Webhooks:GiveUpAfterHours", 24.0));

    // A webhook's lease outlives its delivery's timeout, so no other silo sends to it while this one still waits.
    private readonly TimeSpan _lease = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:TimeoutSeconds", 10.0) + 50);

    /// <summary>Private addresses and plain http are allowed in development (a receiver on this machine) and refused elsewhere.</summary>
    public bool AllowPrivateAddresses { get; } = AllowPrivate(configuration, environment);

    /// <summary>One try now, outside the schedule (an admin's redeliver); logged like the others.</summary>
    public Task<WebhookDelivery> DeliverNow(DueEvent due) => Deliver(due, manual: true);

    public override void Dispose()
    {
        _http.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>(limits.MaxInFlight);
        var fanOutAt = long.MinValue;
        while (!stoppingToken.IsCancellationRequested)
        {
            var busy = false;
            try
            {
                // Copies once per poll, however often deliveries end: the copying is bounded work for the database.
                // A full round means many organisations wait: the next one comes at once.
                if (fanOutAt == long.MinValue || time.GetElapsedTime(fanOutAt) >= _poll)
                {
                    var round = await webhooks.FanOut(FanOutRows, FanOutCopiesPerOrganization, _shares.Resting());
                    _shares.Charge(round);
                    busy = round.Sum(r => r.Rows) == FanOutRows;
                    fanOutAt = busy ? long.MinValue : time.GetTimestamp();
                }

                running.RemoveAll(t => t.IsCompleted);
                var free = limits.MaxInFlight - running.Count;
                if (free > 0)
                {
                    var due = await webhooks.LeaseNext(free, limits.MaxInFlightPerOrganization, _lease, time.GetUtcNow().UtcDateTime);
                    running.AddRange(due.Select(Send));
                }
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; leased webhooks come back when their lease runs out.
                logger.LogWarning(error, "Webhook dispatch failed; trying again shortly");
            }

            if (busy)
            {
                continue;
            }

            try
            {
                // Back as soon as a delivery ends (its webhook may have more, and its slot is free), else at the next poll.
                var poll = Task.Delay(_poll, time, stoppingToken);
                await (running.Count > 0 ? Task.WhenAny(Task.WhenAny(running), poll) : poll);
                stoppingToken.ThrowIfCancellationRequested();
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    // A scheduled delivery never fails the loop: a failure to log it leaves the webhook leased until the lease ends.
    private async Task Send(DueEvent due)
    {
        try
        {
            await Deliver(due, manual: false);
        }
        catch (Exception error)
        {
            logger.LogWarning(error, "Webhook delivery {DeliveryId} could not be recorded; it is tried again when its lease ends", due.Id);
        }
    }

    private async Task<WebhookDelivery> Deliver(DueEvent due, bool manual)
    {
        var started = time.GetTimestamp();
        var at = time.GetUtcNow();
        int? status = null;
        WebhookFailure? failure = null;
        try
        {
            // Our names (id, type, createdAt) and the seed's (event, timestamp, and its signature last) in one body.
            var createdAt = DateTime.SpecifyKind(due.CreatedAt, DateTimeKind.Utc);
            var body = BodySignature.Append(due.Secret, Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new
            {
                id = due.Id,
                type = due.Event,
                @event = due.Event,
                createdAt,
                timestamp = createdAt,
                organizationId = due.OrganizationId,
                data = JsonDocument.Parse(due.Payload).RootElement,
            }, Json)));
            using var request = new HttpRequestMessage(HttpMethod.Post, due.Url) { Content = new ByteArrayContent(body) };
            request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            request.Headers.Add(WebhookSignature.Header, WebhookSignature.Sign(due.Secret, at, body));
            request.Headers.Add("Ipf-Event", due.Event);
            request.Headers.Add("Ipf-Delivery", due.Id.ToString("D"));
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
            status = (int)response.StatusCode;
            failure = response.IsSuccessStatusCode ? null : WebhookFailure.Status(status.Value);
        }
        catch (Exception error) when (error is HttpRequestException or TaskCanceledException or WebhookRefusedException)
        {
            // The log keeps a category, never the exception's text; the details stay in our own log.
            failure = WebhookFailure.Of(error);
            logger.LogInformation(error, "Webhook delivery {DeliveryId} failed: {Category}", due.Id, failure.Category);
        }

        var attempt = due.Attempts + 1;
        var delivery = new WebhookDelivery(
            ids.NewId(), due.Id, due.Event, attempt, at.UtcDateTime, status, failure?.Message, (int)time.GetElapsedTime(started).TotalMilliseconds, manual,
            failure?.Category);
        var delivered = status is >= 200 and < 300;
        var retryAt = delivered || manual ? (DateTime?)null : (at + RetryBackoff.After(attempt, _retryBase, MaxBackoff)).UtcDateTime;
        var giveUp = !delivered && !manual && retryAt > DateTime.SpecifyKind(due.CreatedAt, DateTimeKind.Utc) + _giveUpAfter;
        await webhooks.Record(due, delivery, retryAt, giveUp);
        metrics.WebhookTried(delivered, giveUp);
        return delivery;
    }

    private static bool AllowPrivate(IConfiguration configuration, IHostEnvironment environment) =>
        configuration.GetValue("Webhooks:AllowPrivateAddresses", environment.IsDevelopment());

    // Every connection goes through the connector, which connects only to the address it checked. No proxy: with one,
    // the connector would check and reach the proxy, and the proxy would resolve the receiver's name on its own.
    private static HttpClient Client(IConfiguration configuration, IHostEnvironment environment)
    {
        var connector = WebhookConnector.UsingDns(AllowPrivate(configuration, environment));
        var handler = new SocketsHttpHandler
        {
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            AllowAutoRedirect = false,
            UseCookies = false,
            UseProxy = false,
            ConnectCallback = connector.Connect,
        };
        return new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:TimeoutSeconds", 10.0)) };
    }
}
