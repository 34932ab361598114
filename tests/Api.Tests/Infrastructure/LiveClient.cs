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

    public static async Task<LiveClient> ConnectAsync(Uri product, string token)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(product, "/hubs/inventory"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var client = new LiveClient(connection);
        await connection.StartAsync();
        return client;
    }

    public Task SubscribeAsync(Guid locationId) => _connection.InvokeAsync("subscribe", new { locationId });

    public Task UnsubscribeAsync(Guid locationId) => _connection.InvokeAsync("unsubscribe", new { locationId });

    public Task SubscribeOrganizationAsync() => _connection.InvokeAsync("subscribeOrganization");

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
