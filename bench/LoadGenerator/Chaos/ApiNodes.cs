using System.Net.Http.Headers;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>
/// The Api nodes behind the tills, as a load balancer with health checks sees them: a node that failed a request is
/// taken out of rotation and probed on /health/ready until it answers again; meanwhile every request goes elsewhere.
/// </summary>
public sealed class ApiNodes : IDisposable
{
    private static readonly TimeSpan ProbeEvery = TimeSpan.FromMilliseconds(500);
    private readonly HttpClient[] _clients;
    private readonly int[] _down;
    private readonly CancellationTokenSource _closing = new();

    public ApiNodes(IReadOnlyList<Uri> addresses, string accessToken)
    {
        _clients = addresses.Select(address =>
        {
            var client = new HttpClient { BaseAddress = address, Timeout = TimeSpan.FromSeconds(15) };
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
            return client;
        }).ToArray();
        _down = new int[_clients.Length];
    }

    public int Count => _clients.Length;

    public HttpClient this[int node] => _clients[node];

    /// <summary>The first node in rotation from <paramref name="preferred"/> on; the preferred one when none is.</summary>
    public int Pick(int preferred)
    {
        for (var i = 0; i < _clients.Length; i++)
        {
            var node = (preferred + i) % _clients.Length;
            if (Volatile.Read(ref _down[node]) == 0)
            {
                return node;
            }
        }

        return preferred % _clients.Length;
    }

    public void MarkFailed(int node)
    {
        if (Interlocked.Exchange(ref _down[node], 1) == 0)
        {
            _ = Task.Run(() => ProbeUntilReady(node));
        }
    }

    private async Task ProbeUntilReady(int node)
    {
        using var probe = new HttpClient { BaseAddress = _clients[node].BaseAddress, Timeout = TimeSpan.FromSeconds(2) };
        while (!_closing.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(ProbeEvery, _closing.Token);
                using var answer = await probe.GetAsync("/health/ready", _closing.Token);
                if (answer.IsSuccessStatusCode)
                {
                    Volatile.Write(ref _down[node], 0);
                    return;
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
            catch (HttpRequestException)
            {
                // Still down.
            }
        }
    }

    public void Dispose()
    {
        _closing.Cancel();
        foreach (var client in _clients)
        {
            client.Dispose();
        }

        _closing.Dispose();
    }
}
