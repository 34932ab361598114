using System.Text.Json;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// A batch or count-sheet import sent with an Idempotency-Key. Its rows are separate movements, so
/// the report is kept after them: a replay after a crash re-applies counts (absolute, so stock ends
/// the same) and then answers.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class BulkChangeGrain(StockRepository stock) : Grain, IBulkChangeGrain
{
    private const string Scope = "bulk";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IdempotencyRecord? _first;

    public Task<BulkResult> ApplyBatch(IReadOnlyList<BatchRow> rows, Actor actor) =>
        Once(JsonSerializer.Serialize(rows, Json), inventory => inventory.ApplyBatch(rows, actor));

    public Task<BulkResult> ImportCountSheet(Guid locationId, string csv, Actor actor) =>
        Once($"{locationId}\n{csv}", inventory => inventory.ImportCountSheet(locationId, csv, actor));

    private async Task<BulkResult> Once(string request, Func<IInventoryGrain, Task<BatchReport>> apply)
    {
        var (organizationId, key) = GrainKeys.ParseBulkChange(this.GetPrimaryKeyString());
        var hash = IdempotencyRecord.Hash(request);
        _first ??= await stock.FindKey(organizationId, Scope, key);
        if (_first is not null)
        {
            return new BulkResult(_first.Replay<BatchReport>(hash), Replayed: true);
        }

        var report = await apply(GrainFactory.GetGrain<IInventoryGrain>(GrainKeys.Inventory(organizationId)));
        var record = IdempotencyRecord.Of(Scope, key, hash, 200, report);
        await stock.KeepKey(organizationId, record);
        _first = record;
        return new BulkResult(report, Replayed: false);
    }
}
