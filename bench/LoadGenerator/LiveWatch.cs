using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.SignalR.Client;

namespace InventoryProFlow.Bench;

/// <summary>
/// A SignalR client subscribed to the busiest location, as an owner's dashboard would be. For every sale of that
/// location it keeps when the POS got its acknowledgement and when <c>sales:new</c> arrived here, and reports the
/// delay between the two and the events that never came.
/// </summary>
public sealed class LiveWatch : IAsyncDisposable
{
    // A sale's event may still be on its way when the phase ends; this long is waited for the stragglers.
    private static readonly TimeSpan Grace = TimeSpan.FromSeconds(5);

    private readonly HubConnection _connection;
    private long[] _acked = [];
    private long[] _arrived = [];
    private string _tag = "";
    private long _events;

    private LiveWatch(HubConnection connection, int locationIndex)
    {
        _connection = connection;
        LocationIndex = locationIndex;
        connection.On<JsonElement>("sales:new", Heard);
    }

    public int LocationIndex { get; }

    public static async Task<LiveWatch> Start(Uri baseAddress, string token, string locationId, int locationIndex)
    {
        var connection = new HubConnectionBuilder()
            .WithUrl(new Uri(baseAddress, "/hubs/inventory"), options =>
            {
                options.AccessTokenProvider = () => Task.FromResult<string?>(token);
                options.Transports = Microsoft.AspNetCore.Http.Connections.HttpTransportType.WebSockets;
                options.SkipNegotiation = true;
            })
            .Build();
        var watch = new LiveWatch(connection, locationIndex);
        await connection.StartAsync();
        await connection.InvokeAsync("subscribe", new { locationId });
        return watch;
    }

    /// <summary>Starts a phase: sales are numbered 0..count-1, and their referenceIds carry the phase tag and the number.</summary>
    public void Begin(string tag, int count)
    {
        _tag = tag;
        _acked = new long[count];
        _arrived = new long[count];
        Interlocked.Exchange(ref _events, 0);
    }

    public void Acknowledged(int sale) => _acked[sale] = Stopwatch.GetTimestamp();

    public async Task<JsonObject> End(int sales)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(Grace.TotalSeconds * Stopwatch.Frequency);
        while (Missing(sales) > 0 && Stopwatch.GetTimestamp() < deadline)
        {
            await Task.Delay(50);
        }

        var delays = new List<double>();
        var beforeAck = 0;
        for (var i = 0; i < sales; i++)
        {
            if (_acked[i] != 0 && Volatile.Read(ref _arrived[i]) is var arrived and not 0)
            {
                // The event leaves the grain before the HTTP answer does, so it may arrive first: that is no delay at all.
                beforeAck += arrived < _acked[i] ? 1 : 0;
                delays.Add(Math.Max(0, Latencies.ToMs(arrived - _acked[i])));
            }
        }

        var summary = Latencies.Summary(delays.ToArray());
        return new JsonObject
        {
            ["what"] = "from the POS's acknowledgement of a sale to its sales:new event at a client subscribed to the busiest location",
            ["locationIndex"] = LocationIndex,
            ["acknowledged"] = _acked.Take(sales).Count(a => a != 0),
            ["events"] = Interlocked.Read(ref _events),
            ["arrivedBeforeAck"] = beforeAck,
            ["missed"] = Missing(sales),
            ["p50Ms"] = summary["p50Ms"]?.DeepClone(),
            ["p95Ms"] = summary["p95Ms"]?.DeepClone(),
            ["p99Ms"] = summary["p99Ms"]?.DeepClone(),
            ["latency"] = summary,
        };
    }

    public async ValueTask DisposeAsync() => await _connection.DisposeAsync();

    private int Missing(int sales)
    {
        var missing = 0;
        for (var i = 0; i < sales; i++)
        {
            missing += _acked[i] != 0 && Volatile.Read(ref _arrived[i]) == 0 ? 1 : 0;
        }

        return missing;
    }

    // referenceId: POS-{tag}-{location:D3}-{sale:D7}-{run}
    private void Heard(JsonElement sale)
    {
        var parts = sale.GetProperty("referenceId").GetString()?.Split('-');
        var arrived = Stopwatch.GetTimestamp();
        Interlocked.Increment(ref _events);
        if (parts is { Length: 5 } && parts[1] == _tag && int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var i) && i < _arrived.Length)
        {
            Interlocked.CompareExchange(ref _arrived[i], arrived, 0);
        }
    }
}
