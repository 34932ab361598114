using System.Text.Json;
using Microsoft.AspNetCore.SignalR.Client;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// A real SignalR client of <c>/hubs/inventory</c> (WebSockets, token in the query string as a browser
/// sends it) that keeps every event it hears, so a test can wait for one with a deadline.
/// </summary>
public sealed class LiveClient : IAsyncDisposable
{
    public static readonly string[] Events = ["inventory:updated", "sales:new", "alert:lowStock", "alert:compliance", "alert:shrinkage"];

    private readonly HubConnection _connection;
    private readonly List<(string Event, JsonElement Payload)> _all = [];

    private LiveClient(HubConnection connection)
    {
        _connection = connection;
        connection.Closed += error =>
        {
            ClosedWith = error;
            return Task.CompletedTask;
        };
        foreach (var name in Events)
        {
            connection.On<JsonElement>(name, payload =>
            {
                lock (_all)
                {
                    _all.Add((name, payload));
                }
            });
        }
    }

    /// <summary>Everything heard so far, in arrival order.</summary>
    public IReadOnlyList<(string Event, JsonElement Payload)> Heard
    {
        get
        {
            lock (_all)
            {
                return _all.ToList();
            }
        }
    }

    /// <summary>Whether the connection is still open (the server may end it, as it does when the token expires).</summary>
    public HubConnectionState State => _connection.State;

    /// <summary>Why the connection closed, when the server closed it with an error (a refusal names its code).</summary>
    public Exception? ClosedWith { get; private set; }

    /// <summary>
    /// Connects with <paramref name="token"/>; with <paramref name="forwardedFor"/>, the connection says in X-Forwarded-For
    /// that it comes from that address (believed only by a host whose Api:KnownProxies holds loopback).
    /// </summary>
    public static async Task<LiveClient> ConnectAsync(Uri product, string token, string? forwardedFor = null)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(product, "/hubs/inventory"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
                if (forwardedFor is not null)
                {
                    options.Headers["X-Forwarded-For"] = forwardedFor;
                }
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task SubscribeAsync(Guid locationId) => _connection.InvokeAsync("subscribe", new { locationId });

    public Task UnsubscribeAsync(Guid locationId) => _connection.InvokeAsync("unsubscribe", new { locationId });

    public Task SubscribeOrganizationAsync() => _connection.InvokeAsync("subscribeOrganization");

    /// <summary>Waits, with a deadline, for the server to close the connection.</summary>
    public async Task<Exception?> ClosedAsync(TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (_connection.State != HubConnectionState.Disconnected)
        {
            Assert.True(DateTime.UtcNow < deadline, "The server did not close the live connection in time.");
            await Task.Delay(20);
        }

        return ClosedWith;
    }

    /// <summary>The first event of a kind that matches, heard already or within a deadline (events of a kind may arrive in any order).</summary>
    public async Task<JsonElement> NextAsync(string name, Func<JsonElement, bool> matches, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(20));
        while (true)
        {
            foreach (var (heard, payload) in Heard)
            {
                if (heard == name && matches(payload))
                {
                    return payload;
                }
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new Xunit.Sdk.XunitException(
                    $"No matching '{name}' event in time; heard: {string.Join(", ", Heard.Select(h => h.Event + " " + h.Payload.GetRawText()))}");
            }

            await Task.Delay(20);
        }
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();
}
