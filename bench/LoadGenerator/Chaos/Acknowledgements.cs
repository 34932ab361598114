using System.Collections.Concurrent;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>One movement the driver sends until the Api acknowledges it: a sale (keyed by its referenceId) or a transfer (keyed by an Idempotency-Key), and how many ledger rows it makes.</summary>
public sealed record Movement(string Kind, string Key, string Path, object Body, int LedgerRows);

/// <summary>A movement the Api acknowledged (201), with when it was first sent and answered, in seconds since the load began.</summary>
public sealed record Acknowledgement(Movement Movement, Guid MovementId, int Node, double SentAt, double AnsweredAt, int Attempts, bool Troubled);

/// <summary>
/// The driver's own record of what it sent and what was acknowledged, kept apart from the product so the
/// ledger can be checked against it afterwards; and a tally of every answer that was not an acknowledgement.
/// </summary>
public sealed class Acknowledgements
{
    private readonly ConcurrentBag<Acknowledgement> _acknowledged = [];
    private readonly ConcurrentBag<double> _unavailableAt = [];
    private readonly ConcurrentQueue<string> _samples = new();
    private long _sent, _refused, _serverErrors, _unavailable, _withoutRetryAfter, _tooMany, _transportErrors, _timeouts, _gaveUp, _replayed;

    public IReadOnlyCollection<Acknowledgement> Acknowledged => _acknowledged;

    /// <summary>When each 503 was answered, to show the outage was met with 503s.</summary>
    public IReadOnlyCollection<double> UnavailableAt => _unavailableAt;

    public IEnumerable<string> Samples => _samples;

    public long Sent => Interlocked.Read(ref _sent);

    public long Refused => Interlocked.Read(ref _refused);

    public long ServerErrors => Interlocked.Read(ref _serverErrors);

    public long Unavailable => Interlocked.Read(ref _unavailable);

    public long UnavailableWithoutRetryAfter => Interlocked.Read(ref _withoutRetryAfter);

    public long TooManyRequests => Interlocked.Read(ref _tooMany);

    public long TransportErrors => Interlocked.Read(ref _transportErrors);

    public long Timeouts => Interlocked.Read(ref _timeouts);

    public long GaveUp => Interlocked.Read(ref _gaveUp);

    public long Replayed => Interlocked.Read(ref _replayed);

    public void Sending() => Interlocked.Increment(ref _sent);

    public void Acknowledge(Acknowledgement acknowledgement, bool replayed)
    {
        _acknowledged.Add(acknowledgement);
        if (replayed)
        {
            Interlocked.Increment(ref _replayed);
        }
    }

    public void Refuse(int status, string body) => Count(ref _refused, $"{status} {body}");

    public void ServerError(int status, string body) => Count(ref _serverErrors, $"{status} {body}");

    public void Unavailable503(double at, bool withRetryAfter)
    {
        Interlocked.Increment(ref _unavailable);
        _unavailableAt.Add(at);
        if (!withRetryAfter)
        {
            Count(ref _withoutRetryAfter, "503 without Retry-After");
        }
    }

    public void TooMany() => Interlocked.Increment(ref _tooMany);

    public void TransportError(string message) => Count(ref _transportErrors, message);

    public void Timeout() => Interlocked.Increment(ref _timeouts);

    public void GiveUp(Movement movement) => Count(ref _gaveUp, $"gave up on {movement.Kind} {movement.Key}");

    // A few examples of each kind of trouble are enough to explain a failed run.
    private void Count(ref long counter, string sample)
    {
        Interlocked.Increment(ref counter);
        if (_samples.Count < 40)
        {
            _samples.Enqueue(sample.Length > 300 ? sample[..300] : sample);
        }
    }
}
