using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Webhooks;
using Npgsql;
using NpgsqlTypes;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The SQL of a group commit: one transaction, one round trip of set-based statements over arrays.
/// Inventory rows are written in a fixed order so two concurrent commits never deadlock.
/// </summary>
internal static class LedgerSql
{
    public static async Task WriteAsync(NpgsqlDataSource db, AuditLog audit, IReadOnlyList<LedgerCommit> commits, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using var batch = new NpgsqlBatch(connection, transaction);

        var entries = commits.SelectMany(c => c.Entries.Select(e => (c.OrganizationId, Entry: e))).ToList();
        if (entries.Count > 0)
        {
            batch.BatchCommands.Add(LedgerColumns.Insert(entries));
        }

        // Several movements of one product-location in a batch become one row change: the sum of their deltas, the latest levels.
        var inventory = commits.SelectMany(c => c.Inventory)
            .GroupBy(w => (w.LocationId, w.ProductId))
            .Select(g => g.Last() with
            {
                Delta = g.Sum(w => w.Delta),
                VolumeDeltaMl = g.Any(w => w.VolumeDeltaMl is not null) ? g.Sum(w => w.VolumeDeltaMl ?? 0) : null,
                LastCountDate = g.LastOrDefault(w => w.LastCountDate is not null)?.LastCountDate,
                LastCountedBy = g.LastOrDefault(w => w.LastCountedBy is not null)?.LastCountedBy,
                NewCost = g.LastOrDefault(w => w.NewCost is not null)?.NewCost,
            })
            .OrderBy(w => w.LocationId).ThenBy(w => w.ProductId)
            .ToList();
        if (inventory.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO app.inventory AS i (id, organization_id, location_id, product_id, quantity, volume_ml, par_level, reorder_point, last_count_date, last_counted_by, updated_at) " +
                "SELECT id, org, location, product, delta, volume_delta, par, reorder, counted_at, counted_by, @at " +
                "FROM unnest(@id, @org, @location, @product, @delta, @volume_delta, @par, @reorder, @counted_at, @counted_by) " +
                "AS u(id, org, location, product, delta, volume_delta, par, reorder, counted_at, counted_by) " +
                "ON CONFLICT (location_id, product_id) DO UPDATE SET quantity = i.quantity + EXCLUDED.quantity, " +
                "volume_ml = CASE WHEN EXCLUDED.volume_ml IS NULL THEN i.volume_ml ELSE coalesce(i.volume_ml, 0) + EXCLUDED.volume_ml END, " +
                "par_level = EXCLUDED.par_level, reorder_point = EXCLUDED.reorder_point, " +
                "last_count_date = coalesce(EXCLUDED.last_count_date, i.last_count_date), " +
                "last_counted_by = coalesce(EXCLUDED.last_counted_by, i.last_counted_by), updated_at = @at",
                ("id", inventory.Select(w => w.InventoryId).ToArray()),
                ("org", inventory.Select(w => w.OrganizationId).ToArray()),
                ("location", inventory.Select(w => w.LocationId).ToArray()),
                ("product", inventory.Select(w => w.ProductId).ToArray()),
                ("delta", inventory.Select(w => w.Delta).ToArray()),
                ("volume_delta", inventory.Select(w => w.VolumeDeltaMl).ToArray()),
                ("par", inventory.Select(w => w.ParLevel).ToArray()),
                ("reorder", inventory.Select(w => w.ReorderPoint).ToArray()),
                ("counted_at", inventory.Select(w => w.LastCountDate).ToArray()),
                ("counted_by", inventory.Select(w => w.LastCountedBy).ToArray()),
                ("at", at)));
        }

        var costs = inventory.Where(w => w.NewCost is not null).GroupBy(w => w.ProductId).Select(g => g.Last()).OrderBy(w => w.ProductId).ToList();
        if (costs.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE app.products p SET cost = u.cost, updated_at = @at FROM unnest(@product, @cost) AS u(product, cost) WHERE p.id = u.product",
                ("product", costs.Select(w => w.ProductId).ToArray()),
                ("cost", costs.Select(w => w.NewCost!.Value).ToArray()),
                ("at", at)));
        }

        var alerts = commits.SelectMany(c => c.Alerts).ToList();
        var raised = alerts.Where(a => a.Alert.Raised).ToList();
        if (raised.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO app.stock_alerts (id, organization_id, location_id, product_id, kind, quantity, par_level, raised_at) " +
                "SELECT * FROM unnest(@id, @org, @location, @product, @kind, @quantity, @par, @at)",
                ("id", raised.Select(a => a.AlertId).ToArray()),
                ("org", raised.Select(a => a.OrganizationId).ToArray()),
                ("location", raised.Select(a => a.Alert.LocationId).ToArray()),
                ("product", raised.Select(a => a.Alert.ProductId).ToArray()),
                ("kind", raised.Select(a => a.Alert.Kind).ToArray()),
                ("quantity", raised.Select(a => a.Alert.Quantity).ToArray()),
                ("par", raised.Select(a => a.Alert.ParLevel).ToArray()),
                ("at", raised.Select(a => a.At).ToArray())));
        }

        var cleared = alerts.Where(a => !a.Alert.Raised).OrderBy(a => a.AlertId).ToList();
        if (cleared.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                "UPDATE app.stock_alerts a SET cleared_at = u.at FROM unnest(@id, @at) AS u(id, at) WHERE a.id = u.id AND a.cleared_at IS NULL",
                ("id", cleared.Select(a => a.AlertId).ToArray()),
                ("at", cleared.Select(a => a.At).ToArray())));
        }

        var keys = commits.Where(c => c.Key is not null).Select(c => (c.OrganizationId, Key: c.Key!)).ToList();
        if (keys.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                "INSERT INTO app.idempotency_keys (organization_id, scope, key, request_hash, status, response) " +
                "SELECT org, scope, key, hash, status, response::jsonb FROM unnest(@org, @scope, @key, @hash, @status, @response) " +
                "AS u(org, scope, key, hash, status, response)",
                ("org", keys.Select(k => k.OrganizationId).ToArray()),
                ("scope", keys.Select(k => k.Key.Scope).ToArray()),
                ("key", keys.Select(k => k.Key.Key).ToArray()),
                ("hash", keys.Select(k => k.Key.RequestHash).ToArray()),
                ("status", keys.Select(k => k.Key.Status).ToArray()),
                ("response", keys.Select(k => k.Key.Response).ToArray())));
        }

        // One row per movement with events, whatever the number of webhooks: the copies are made after this commits.
        var events = commits.Where(c => c.Events is { Count: > 0 }).ToList();
        if (events.Count > 0)
        {
            batch.BatchCommands.Add(Command(
                WebhookEventRows.Sql,
                ("org", events.Select(c => c.OrganizationId).ToArray()),
                ("events", events.Select(c => WebhookEventRows.Json(c.Events!)).ToArray()),
                ("at", events.Select(_ => at).ToArray())));
        }

        if (batch.BatchCommands.Count > 0)
        {
            await batch.ExecuteNonQueryAsync();
        }

        // Changes of levels are audited in their commit. Rare, so a batch without one pays nothing; chain heads are
        // locked last and in organisation order, so two batches cannot deadlock over them.
        foreach (var audited in commits.Where(c => c.Audit is not null).GroupBy(c => c.OrganizationId).OrderBy(g => g.Key))
        {
            await audit.Append(connection, transaction, audited.Key, audited.Select(c => c.Audit!).ToList());
        }

        await transaction.CommitAsync();
    }

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            // Times are UTC instants; say so, since an array of nulls gives Npgsql nothing to infer from.
            command.Parameters.Add(value is DateTime[] or DateTime?[]? new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = value }
                : new NpgsqlParameter(name, value));
        }

        return command;
    }
}
