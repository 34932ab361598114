using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Stock;
using Npgsql;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>A demo product as the trading history needs it.</summary>
public sealed record DemoStockedProduct(Guid Id, Guid SupplierId, string Sku, decimal Cost, decimal Price, int CasePack, decimal? SizeMl, string? Subcategory = null);

/// <summary>
/// Sixteen weeks of trade for the demo organisation, so its screens show something true on the first `make run`:
/// an opening count, a delivery each Monday from each product's supplier, and nightly sales, all as ledger rows
/// whose sum is each item's quantity (the ledger verification holds). Drawn from a fixed seed, so every demo is
/// the same; some items end below par, so low stock and reorder lists have rows.
/// </summary>
public static class DemoHistory
{
    public const int Weeks = 16;

    private const int Seed = 20261125;

    /// <summary>Writes the history inside the seed's transaction; answers how many ledger rows it wrote.</summary>
    public static async Task<int> Write(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId, IReadOnlyList<Guid> locationIds,
        IReadOnlyList<DemoStockedProduct> products, Guid managerId, Func<Guid> newId, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var rows = new List<LedgerEntry>();
        var items = new List<(Guid Location, Guid Product, decimal Quantity, decimal? VolumeMl, decimal Par, decimal ReorderPoint, DateTime Counted)>();
        var start = now.Date.AddDays(-7 * Weeks);
        foreach (var locationId in locationIds)
        {
            foreach (var product in products)
            {
                // Cheaper bottles sell faster; a few lines barely move, as on any back bar.
                var weekly = Math.Round(random.NextDouble() * (product.Price < 30m ? 9 : 4) + (random.NextDouble() < 0.15 ? 0 : 0.5), 1);
                var par = Math.Max(2, (int)Math.Ceiling(weekly * 1.5));
                var reorderPoint = Math.Max(1, par / 2);
                var stock = par + random.Next(0, product.CasePack);
                var opened = start.AddHours(15);
                LedgerEntry Entry(string type, int quantity, DateTime at) => new()
                {
                    Id = newId(),
                    MovementId = newId(),
                    Type = type,
                    LocationId = locationId,
                    ProductId = product.Id,
                    Sku = product.Sku,
                    Quantity = quantity,
                    VolumeMl = quantity * product.SizeMl,
                    UnitCost = type == "sale" ? null : product.Cost,
                    UnitPrice = type == "sale" ? product.Price : null,
                    TotalAmount = (type == "sale" ? product.Price : product.Cost) * Math.Abs(quantity),
                    UserId = type == "sale" ? null : managerId,
                    SupplierId = type == "purchase" ? product.SupplierId : null,
                    OccurredAt = at,
                    RecordedAt = at,
                };

                rows.Add(Entry("count", stock, opened));
                // One item in twelve missed its last delivery, so the demo has stock below par to show.
                var missesLastDelivery = random.Next(12) == 0;
                for (var day = 0; day <= 7 * Weeks; day++)
                {
                    var date = start.AddDays(day);
                    if (date.DayOfWeek == DayOfWeek.Monday && day > 0 && stock < par && !(missesLastDelivery && day > 7 * Weeks - 7))
                    {
                        var cases = (int)Math.Ceiling((par * 1.5 - stock) / product.CasePack);
                        var received = Math.Max(1, cases) * product.CasePack;
                        stock += received;
                        rows.Add(Entry("purchase", received, date.AddHours(15)));
                    }

                    // Evening trade, 17:00 to 23:00 in Des Moines (22:00 to 04:00 UTC); today's only up to now.
                    var sold = Math.Min(stock, Poisson(random, weekly / 7));
                    var at = date.AddHours(22).AddMinutes(random.Next(0, 360));
                    if (sold > 0 && at <= now)
                    {
                        stock -= sold;
                        rows.Add(Entry("sale", -sold, at));
                    }
                }

                items.Add((locationId, product.Id, stock, stock * product.SizeMl, par, reorderPoint, opened));
            }
        }

        await LedgerColumns.Copy(connection, organizationId, rows, cancellationToken);

        await using (var stock = await connection.BeginBinaryImportAsync(
            "COPY app.inventory (id, organization_id, location_id, product_id, quantity, volume_ml, par_level, reorder_point, last_count_date, " +
            "last_counted_by, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var item in items)
            {
                await stock.WriteRowAsync(cancellationToken, newId(), organizationId, item.Location, item.Product, item.Quantity, item.VolumeMl, item.Par,
                    item.ReorderPoint, item.Counted, managerId, item.Counted, now);
            }

            await stock.CompleteAsync(cancellationToken);
        }

        // The low-stock alerts the grains would have raised at each crossing below par.
        await using (var alerts = await connection.BeginBinaryImportAsync(
            "COPY app.stock_alerts (id, organization_id, location_id, product_id, kind, quantity, par_level, raised_at) FROM STDIN (FORMAT BINARY)",
            cancellationToken))
        {
            foreach (var item in items.Where(i => i.Quantity < i.Par))
            {
                await alerts.WriteRowAsync(cancellationToken, newId(), organizationId, item.Location, item.Product, "low_stock", item.Quantity, item.Par, now);
            }

            await alerts.CompleteAsync(cancellationToken);
        }

        return rows.Count;
    }

    // Knuth's method: fine for the small nightly rates of one bottle line.
    internal static int Poisson(Random random, double rate)
    {
        var limit = Math.Exp(-rate);
        var k = 0;
        var p = random.NextDouble();
        while (p > limit)
        {
            k++;
            p *= random.NextDouble();
        }

        return k;
    }
}
