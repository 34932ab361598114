using System.Text.Json;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Json;
using InventoryProFlow.Contracts.Stock;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// A batch, count-sheet import or single count sent with an Idempotency-Key. Its rows are separate
/// movements, so the answer is kept after them: a replay after a crash re-applies counts (absolute, so
/// stock ends the same) and then answers.
/// </summary>
[CollectionAgeLimit(Minutes = 2)]
public sealed class BulkChangeGrain(StockRepository stock) : Grain, IBulkChangeGrain
{
    private const string Scope = "bulk";
    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    private IdempotencyRecord? _first;

    public async Task<BulkResult> ApplyBatch(IReadOnlyList<BatchRow> rows, Actor actor)
    {
        var (report, replayed) = await Once(JsonSerializer.Serialize(rows, Json), inventory => inventory.ApplyBatch(rows, actor));
        return new BulkResult(report, replayed);
    }

    public async Task<BulkResult> ImportCountSheet(Guid locationId, string csv, Actor actor)
    {
        var (report, replayed) = await Once($"{locationId}\n{csv}", inventory => inventory.ImportCountSheet(locationId, csv, actor));
        return new BulkResult(report, replayed);
    }

    // The caller has resolved the item (its organisation's, by its id); the request is named by the item's id alone.
    public async Task<CountResult> Count(InventoryItem item, StockCount count, Actor actor)
    {
        var organizationId = GrainKeys.ParseBulkChange(this.GetPrimaryKeyString()).OrganizationId;
        var (receipt, replayed) = await Once($"count\n{item.Id}\n{JsonSerializer.Serialize(count, Json)}", _ =>
            GrainFactory.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(organizationId, item.LocationId, item.ProductId)).Count(count, actor));
        return new CountResult(receipt, replayed);
    }

    private async Task<(T Answer, bool Replayed)> Once<T>(string request, Func<IInventoryGrain, Task<T>> apply)
    {
        var (organizationId, key) = GrainKeys.ParseBulkChange(this.GetPrimaryKeyString());
        var hash = IdempotencyRecord.Hash(request);
        _first ??= await stock.FindKey(organizationId, Scope, key);
        if (_first is not null)
        {
            return (_first.Replay<T>(hash), true);
        }

        var answer = await apply(GrainFactory.GetGrain<IInventoryGrain>(GrainKeys.Inventory(organizationId)));
        var record = IdempotencyRecord.Of(Scope, key, hash, 200, answer);
        await stock.KeepKey(organizationId, record);
        _first = record;
        return (answer, false);
    }
}
