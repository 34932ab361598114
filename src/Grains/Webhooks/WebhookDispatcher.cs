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
/// Sends what the outbox holds: leases due events, posts each signed (<c>Ipf-Signature</c>, as POS pushes are
/// checked), logs every try, and retries failures with exponential backoff and jitter until 24 hours after the
/// event, then gives up. Every silo runs one; leases keep two from sending the same event at once.
/// </summary>
public sealed class WebhookDispatcher(
    WebhookRepository webhooks, IdFactory ids, TimeProvider time, TradeMetrics metrics, IConfiguration configuration, IHostEnvironment environment, ILogger<WebhookDispatcher> logger)
    : BackgroundService
{
    private const int BatchSize = 32;
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromHours(1);
    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    private readonly HttpClient _http = Client(configuration, environment);

    private readonly TimeSpan _poll = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:PollSeconds", 1.0));
    private readonly TimeSpan _retryBase = TimeSpan.FromSeconds(configuration.GetValue("Webhooks:RetryBaseSeconds", 30.0));
    private readonly TimeSpan _giveUpAfter = TimeSpan.FromHours(configuration.GetValue("Webhooks:GiveUpAfterHours", 24.0));

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
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<DueEvent> due = [];
            try
            {
                due = await webhooks.LeaseDue(BatchSize, Lease, time.GetUtcNow().UtcDateTime);
                await Task.WhenAll(due.Select(d => Deliver(d, manual: false)));
            }
            catch (Exception error) when (!stoppingToken.IsCancellationRequested)
            {
                // The database may be away for a moment; leased rows come back when their lease runs out.
                logger.LogWarning(error, "Webhook dispatch failed; trying again shortly");
            }

            if (due.Count < BatchSize)
            {
                try
                {
                    await Task.Delay(_poll, time, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
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
