using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Analytics;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// Applies a bulk change row by row through the product-location grains, so each count is a ledger
/// movement like any other; rows fail alone and the report says which and why.
/// </summary>
internal sealed class BatchApplier(Guid organizationId, StockRepository stock, IGrainFactory grains)
{
    private const int Parallelism = 32;

    private readonly System.Collections.Concurrent.ConcurrentBag<RecordedCount> _short = [];

    public async Task<BatchReport> Apply(IReadOnlyList<(int Row, BatchRow? Change, string? Problem)> rows, Actor actor)
    {
        var resolved = await Resolve(rows);
        var results = new BatchRowResult[rows.Count];
        // Rows of one product-location apply in sheet order (a later count wins); different ones side by side.
        var lanes = resolved.Select((row, index) => (Row: row, Index: index)).GroupBy(r => (r.Row.LocationId, r.Row.ProductId, r.Row.Problem is null ? 0 : r.Index));
        using var gate = new SemaphoreSlim(Parallelism);
        await Task.WhenAll(lanes.Select(async lane =>
        {
            await gate.WaitAsync();
            try
            {
                foreach (var (row, index) in lane)
                {
                    results[index] = await ApplyOne(row, actor);
                }
            }
            finally
            {
                gate.Release();
            }
        }));

        // Every shortfall of the sheet judged at once, off the caller's path: one query, not one per line.
        if (!_short.IsEmpty)
        {
            grains.GetGrain<IAnalyticsGrain>(GrainKeys.Analytics(organizationId)).CountsRecorded(_short.ToList()).Ignore();
        }

        var applied = results.Count(r => r.Applied);
        return new BatchReport(results.Length, applied, results.Length - applied, results);
    }

    private async Task<BatchRowResult> ApplyOne(ResolvedRow row, Actor actor)
    {
        if (row.Problem is not null)
        {
            return new BatchRowResult(row.Row, false, null, null, null, ErrorCodes.ValidationFailed, row.Problem);
        }

        var grain = grains.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(organizationId, row.LocationId!.Value, row.ProductId!.Value));
        var change = row.Change!;
        try
        {
            if (change.ParLevel is not null || change.ReorderPoint is not null)
            {
                var levels = new StockLevels(change.ParLevel, change.ReorderPoint);
                try
                {
                    await grain.SetLevels(levels);
                }
                catch (NotFoundException)
                {
                    await grain.Stock(levels, null, actor);
                }
            }

            decimal? variance = null;
            if (change.Count is not null || change.Units is not null || change.Open is { Count: > 0 })
            {
                var entry = (await grain.CountLine(new StockCount(change.Count, change.Notes, change.Units, change.Open), actor)).Entries[0];
                variance = entry.Quantity;
                if (entry.Quantity < 0)
                {
                    _short.Add(new RecordedCount(row.LocationId!.Value, entry.Id));
                }
            }

            var item = await grain.Get();
            return new BatchRowResult(row.Row, true, item.Id, item.Quantity, variance, null, null);
        }
        catch (DomainException refused)
        {
            return new BatchRowResult(row.Row, false, null, null, null, refused.Code, refused.Message);
        }
    }

    // One query per kind of reference for the whole batch, not one per row.
    private async Task<List<ResolvedRow>> Resolve(
        IReadOnlyList<(int Row, BatchRow? Change, string? Problem)> rows)
    {
        var changes = rows.Where(r => r.Problem is null).Select(r => r.Change!).ToList();
        var items = (await stock.FindItems(organizationId, changes.Where(c => c.ItemId is not null).Select(c => c.ItemId!.Value).Distinct().ToArray()))
            .ToDictionary(i => i.Id);
        var products = await stock.FindProducts(
            organizationId,
            changes.Where(c => c.ItemId is null && c.ProductId is not null).Select(c => c.ProductId!.Value).Distinct().ToArray(),
            changes.Where(c => c.ItemId is null && c.ProductId is null && c.Sku is not null).Select(c => c.Sku!).Distinct().ToArray());
        var locations = (await stock.ExistingLocations(organizationId, changes.Where(c => c.LocationId is not null).Select(c => c.LocationId!.Value).Distinct().ToArray()))
            .ToHashSet();

        return rows.Select(r =>
        {
            if (r.Problem is not null)
            {
                return new ResolvedRow(r.Row, r.Change, null, null, r.Problem);
            }

            var change = r.Change!;
            if (change.ItemId is { } itemId)
            {
                return items.TryGetValue(itemId, out var item)
                    ? new ResolvedRow(r.Row, change, item.LocationId, item.ProductId, null)
                    : new ResolvedRow(r.Row, change, null, null, $"No inventory item {itemId} in this organisation.");
            }

            if (!locations.Contains(change.LocationId!.Value))
            {
                return new ResolvedRow(r.Row, change, null, null, $"No active location {change.LocationId} in this organisation.");
            }

            var product = change.ProductId is { } id ? products.FirstOrDefault(p => p.Id == id) : products.FirstOrDefault(p => p.Sku == change.Sku);
            return product is null
                ? new ResolvedRow(r.Row, change, null, null, $"No product {(object?)change.ProductId ?? change.Sku} in this organisation.")
                : new ResolvedRow(r.Row, change, change.LocationId, product.Id, null);
        }).ToList();
    }

    private sealed record ResolvedRow(int Row, BatchRow? Change, Guid? LocationId, Guid? ProductId, string? Problem);
}
