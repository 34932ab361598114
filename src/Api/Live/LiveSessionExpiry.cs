using System.Collections.Concurrent;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// Ends a live connection once the access token it opened with has expired, by the product's clock. SignalR's own
/// CloseOnAuthenticationExpiration reads the machine's clock, so a token issued and judged on one clock would be cut
/// by another. A client reconnects with a fresh token, as it does after any drop.
/// </summary>
public sealed class LiveSessionExpiry(TimeProvider time, ILogger<LiveSessionExpiry> logger) : BackgroundService, IHubFilter
{
    private static readonly TimeSpan CheckEvery = TimeSpan.FromSeconds(1);

    private readonly ConcurrentDictionary<string, (HubCallerContext Connection, DateTimeOffset Expires)> _open = new();

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        // The token's expiry, as the bearer handler read it: the same value SignalR's own check would use.
        if (context.Context.GetHttpContext()?.Features.Get<IAuthenticateResultFeature>()?.AuthenticateResult?.Properties?.ExpiresUtc is { } expires)
        {
            _open[context.Context.ConnectionId] = (context.Context, expires);
        }

        await next(context);
    }

    public Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        _open.TryRemove(context.Context.ConnectionId, out _);
        return next(context, exception);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(CheckEvery, time);
        while (await timer.WaitForNextTickAsync(stoppingToken).ConfigureAwait(false))
        {
            var now = time.GetUtcNow();
            foreach (var (id, (connection, expires)) in _open)
            {
                if (expires < now && _open.TryRemove(id, out _))
                {
                    logger.LogInformation("Live connection {ConnectionId} closed: its access token expired at {Expires:O}", id, expires);
                    connection.Abort();
                }
            }
        }
    }
}
