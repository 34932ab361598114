using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.SignalR;

namespace InventoryProFlow.Api.Live;

/// <summary>
/// Caps the hub connections one user (or integration client) holds open on this node at Live:MaxConnectionsPerUser.
/// Counted per node, not per cluster: a connection's cost (its socket, its groups) is paid by the node that holds it, and
/// a count kept in a grain would outlive a node that died with its connections still on the books. One over the cap is
/// closed at once, with a close message that names the limit and tells the client not to reconnect.
/// </summary>
public sealed class LiveConnections(LiveLimits limits) : IHubFilter
{
    private const string Counted = "ipf.live.counted-user";

    private readonly Dictionary<Guid, int> _open = [];

    /// <summary>The connections <paramref name="userId"/> holds on this node now.</summary>
    public int OpenBy(Guid userId)
    {
        lock (_open)
        {
            return _open.GetValueOrDefault(userId);
        }
    }

    public async Task OnConnectedAsync(HubLifetimeContext context, Func<HubLifetimeContext, Task> next)
    {
        var userId = CurrentUser.From(context.Context.User!).UserId;
        lock (_open)
        {
            var open = _open.GetValueOrDefault(userId);
            if (open >= limits.MaxConnectionsPerUser)
            {
                throw new HubException(
                    $"{ErrorCodes.RateLimited}: You already have {open} live connections open here, the most one user may. Close one (another tab or device), then connect again.");
            }

            _open[userId] = open + 1;
        }

        context.Context.Items[Counted] = userId;
        try
        {
            await next(context);
        }
        catch
        {
            Release(context.Context);
            throw;
        }
    }

    public async Task OnDisconnectedAsync(HubLifetimeContext context, Exception? exception, Func<HubLifetimeContext, Exception?, Task> next)
    {
        Release(context.Context);
        await next(context, exception);
    }

    private void Release(HubCallerContext connection)
    {
        // Only a connection that was counted gives its place back, once.
        if (!connection.Items.Remove(Counted, out var counted) || counted is not Guid userId)
        {
            return;
        }

        lock (_open)
        {
            var left = _open.GetValueOrDefault(userId) - 1;
            if (left > 0)
            {
                _open[userId] = left;
            }
            else
            {
                _open.Remove(userId);
            }
        }
    }
}
