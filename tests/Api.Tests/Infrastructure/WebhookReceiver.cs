using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// A webhook receiver on loopback: keeps every request it gets (headers and raw body), and can answer 503 to
/// the first few, as a receiver that is down for a while, or never answer at all (kept with status 0), as a
/// receiver that hangs.
/// </summary>
public sealed class WebhookReceiver : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly List<Received> _all = [];
    private readonly CancellationTokenSource _stopping = new();
    private int _failuresLeft;

    private WebhookReceiver(WebApplication app, int failFirst, bool neverAnswer)
    {
        _app = app;
        _failuresLeft = failFirst;
        app.MapPost("/hooks/ipf", async (HttpContext http) =>
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer);
            var status = neverAnswer ? 0 : Interlocked.Decrement(ref _failuresLeft) >= 0 ? StatusCodes.Status503ServiceUnavailable : StatusCodes.Status200OK;
            var received = new Received(
                http.Request.Headers["Ipf-Event"].ToString(), http.Request.Headers["Ipf-Signature"].ToString(), http.Request.Headers["Ipf-Delivery"].ToString(),
                buffer.ToArray(), status);
            lock (_all)
            {
                _all.Add(received);
            }

            if (neverAnswer)
            {
                // Holds the request until the sender gives up or this receiver stops.
                using var either = CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted, _stopping.Token);
                await Task.Delay(Timeout.InfiniteTimeSpan, either.Token).ContinueWith(_ => { }, TaskScheduler.Default);
                return Results.StatusCode(StatusCodes.Status503ServiceUnavailable);
            }

            return Results.StatusCode(status);
        });
    }

    public Uri Url => new(new Uri(_app.Urls.First()), "/hooks/ipf");

    public IReadOnlyList<Received> All
    {
        get
        {
            lock (_all)
            {
                return _all.ToList();
            }
        }
    }

    public static async Task<WebhookReceiver> StartAsync(int port = 0, int failFirst = 0, bool neverAnswer = false)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls($"http://127.0.0.1:{port}");
        builder.Logging.ClearProviders();
        var receiver = new WebhookReceiver(builder.Build(), failFirst, neverAnswer);
        await receiver._app.StartAsync();
        return receiver;
    }

    /// <summary>The first request answered 200 that matches, waiting for it up to a deadline (events arrive in any order).</summary>
    public async Task<Received> NextAsync(Func<Received, bool> matches, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            if (All.FirstOrDefault(r => r.Status == StatusCodes.Status200OK && matches(r)) is { } received)
            {
                return received;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException($"No matching webhook in time; received {All.Count}: {string.Join(", ", All.Select(r => $"{r.Event} {r.Status}"))}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _stopping.Dispose();
    }

    public sealed record Received(string Event, string Signature, string DeliveryId, byte[] Body, int Status)
    {
        public JsonElement Json => JsonDocument.Parse(Body).RootElement;
    }
}
