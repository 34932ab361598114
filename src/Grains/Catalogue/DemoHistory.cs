using Npgsql;
using NpgsqlTypes;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>A demo product as the trading history needs it.</summary>
public sealed record DemoStockedProduct(Guid Id, Guid SupplierId, string Sku, decimal Cost, decimal Price, int CasePack);

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

    private sealed record Row(
        Guid MovementId, Guid LocationId, Guid ProductId, string Type, int Quantity, decimal? UnitCost, decimal? UnitPrice,
        decimal Total, Guid? UserId, Guid? SupplierId, DateTime OccurredAt);

    /// <summary>Writes the history inside the seed's transaction; answers how many ledger rows it wrote.</summary>
    public static async Task<int> Write(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId, IReadOnlyList<Guid> locationIds,
        IReadOnlyList<DemoStockedProduct> products, Guid managerId, Func<Guid> newId, DateTime now, CancellationToken cancellationToken)
    {
        var random = new Random(Seed);
        var rows = new List<Row>();
        var items = new List<(Guid Location, Guid Product, int Quantity, int Par, int ReorderPoint, DateTime Counted)>();
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
                rows.Add(new Row(newId(), locationId, product.Id, "count", stock, product.Cost, null, product.Cost * stock, managerId, null, opened));
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
                        rows.Add(new Row(newId(), locationId, product.Id, "purchase", received, product.Cost, null, product.Cost * received,
                            managerId, product.SupplierId, date.AddHours(15)));
                    }

                    // Evening trade, 17:00 to 23:00 in Des Moines (22:00 to 04:00 UTC); today's only up to now.
                    var sold = Math.Min(stock, Poisson(random, weekly / 7));
                    var at = date.AddHours(22).AddMinutes(random.Next(0, 360));
                    if (sold > 0 && at <= now)
                    {
                        stock -= sold;
                        rows.Add(new Row(newId(), locationId, product.Id, "sale", -sold, null, product.Price, product.Price * sold, null, null, at));
                    }
                }

                items.Add((locationId, product.Id, stock, par, reorderPoint, opened));
            }
        }

        await using (var ledger = await connection.BeginBinaryImportAsync(
            "COPY app.transactions (id, organization_id, location_id, product_id, type, quantity, unit_cost, unit_price, total_amount, " +
            "user_id, occurred_at, recorded_at, movement_id, supplier_id) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var row in rows)
            {
                await ledger.StartRowAsync(cancellationToken);
                await ledger.WriteAsync(newId(), NpgsqlDbType.Uuid, cancellationToken);
                await ledger.WriteAsync(organizationId, NpgsqlDbType.Uuid, cancellationToken);
                await ledger.WriteAsync(row.LocationId, NpgsqlDbType.Uuid, cancellationToken);
                await ledger.WriteAsync(row.ProductId, NpgsqlDbType.Uuid, cancellationToken);
                await ledger.WriteAsync(row.Type, NpgsqlDbType.Text, cancellationToken);
                await ledger.WriteAsync(row.Quantity, NpgsqlDbType.Integer, cancellationToken);
                await WriteNullable(ledger, row.UnitCost, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullable(ledger, row.UnitPrice, NpgsqlDbType.Numeric, cancellationToken);
                await ledger.WriteAsync(row.Total, NpgsqlDbType.Numeric, cancellationToken);
                await WriteNullable(ledger, row.UserId, NpgsqlDbType.Uuid, cancellationToken);
                await ledger.WriteAsync(row.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await ledger.WriteAsync(row.OccurredAt, NpgsqlDbType.TimestampTz, cancellationToken);
                await ledger.WriteAsync(row.MovementId, NpgsqlDbType.Uuid, cancellationToken);
                await WriteNullable(ledger, row.SupplierId, NpgsqlDbType.Uuid, cancellationToken);
            }

            await ledger.CompleteAsync(cancellationToken);
        }

        await using (var stock = await connection.BeginBinaryImportAsync(
            "COPY app.inventory (id, organization_id, location_id, product_id, quantity, par_level, reorder_point, last_count_date, " +
            "last_counted_by, created_at, updated_at) FROM STDIN (FORMAT BINARY)", cancellationToken))
        {
            foreach (var item in items)
            {
                await stock.WriteRowAsync(cancellationToken, newId(), organizationId, item.Location, item.Product, item.Quantity, item.Par,
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

    private static Task WriteNullable<T>(NpgsqlBinaryImporter importer, T? value, NpgsqlDbType type, CancellationToken cancellationToken)
        where T : struct =>
        value is { } present ? importer.WriteAsync(present, type, cancellationToken) : importer.WriteNullAsync(cancellationToken);

    // Knuth's method: fine for the small nightly rates of one bottle line.
    private static int Poisson(Random random, double rate)
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
