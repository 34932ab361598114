using System.Threading.Channels;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Operations;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// Group commit below the grains: every movement of this silo joins a queue, and a few writer loops
/// take whatever is waiting and write it in one transaction, one round trip. Each movement's caller
/// is answered only after that transaction commits (acknowledged = durable). Under load a commit
/// carries hundreds of movements; when idle, a movement is written alone, at once.
/// If a batch fails, its movements are retried one by one, so one bad movement fails alone.
/// The queue holds at most <c>Ledger:MaxQueued</c> movements: beyond that the database is not keeping up, and a
/// movement is refused at once (503 with Retry-After, nothing written) rather than waiting in memory without end.
/// </summary>
public sealed class LedgerWriter(NpgsqlDataSource db, AuditLog audit, TradeMetrics metrics, TimeProvider time, IConfiguration configuration, ILogger<LedgerWriter> logger)
    : IHostedService
{
    private readonly Channel<Waiting> _queue = Channel.CreateBounded<Waiting>(
        new BoundedChannelOptions(Positive(configuration, "Ledger:MaxQueued", 10_000)) { SingleReader = false, FullMode = BoundedChannelFullMode.Wait });

    private readonly int _maxBatch = configuration.GetValue("Ledger:MaxBatch", 1000);
    private volatile bool _stopping;
    private readonly int _writers = configuration.GetValue("Ledger:Writers", 2);
    private Task[] _loops = [];

    /// <summary>
    /// Queues a movement; the task completes when it is durable, or fails with the reason it was not
    /// (<see cref="ServiceUnavailableException"/> at once when the queue is full).
    /// </summary>
    public Task Append(LedgerCommit commit)
    {
        var waiting = new Waiting(commit, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        if (!_queue.Writer.TryWrite(waiting))
        {
            if (!_stopping)
            {
                metrics.LedgerQueueFull();
            }

            waiting.Done.SetException(_stopping
                ? new InvalidOperationException("The ledger writer is stopping.")
                : new ServiceUnavailableException("The ledger is busy with more movements than it can queue; retry after a few seconds."));
        }

        return waiting.Done.Task;
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loops = Enumerable.Range(0, _writers).Select(_ => Task.Run(WriteLoop, CancellationToken.None)).ToArray();
        return Task.CompletedTask;
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        // Drain: what was queued before stopping is still written.
        _stopping = true;
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops).WaitAsync(cancellationToken);
    }

    private async Task WriteLoop()
    {
        var batch = new List<Waiting>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var next))
            {
                batch.Add(next);
            }

            if (batch.Count > 0)
            {
                await Commit(batch);
                batch.Clear();
            }
        }
    }

    private async Task Commit(List<Waiting> batch)
    {
        try
        {
            await LedgerSql.WriteAsync(db, audit, batch.Select(w => w.Commit).ToList(), time.GetUtcNow().UtcDateTime);
            // Counted here, once durable, whichever way a movement came (POS, API, a count sheet); a replay never gets this far.
            batch.ForEach(w => metrics.Committed(w.Commit.Entries, w.Commit.Alerts.Select(a => a.Alert)));
            batch.ForEach(w => w.Done.TrySetResult());
        }
        catch (Exception error) when (batch.Count > 1)
        {
            logger.LogWarning(error, "A ledger batch of {Movements} movements failed; writing them one by one", batch.Count);
            foreach (var waiting in batch)
            {
                await Commit([waiting]);
            }
        }
        catch (Exception error)
        {
            batch[0].Done.TrySetException(error);
        }
    }

    private static int Positive(IConfiguration configuration, string name, int fallback)
    {
        var value = configuration.GetValue(name, fallback);
        return value > 0 ? value : throw new InvalidOperationException($"{name} is {value}: use a whole number above 0.");
    }

    private sealed record Waiting(LedgerCommit Commit, TaskCompletionSource Done);
}
