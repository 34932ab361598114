using Npgsql;

namespace InventoryProFlow.Bench.Chaos;

/// <summary>What the ledger holds, compared with the driver's own record of acknowledgements.</summary>
public sealed record LedgerFindings(int Acknowledged, long Found, long Duplicates, long HalfTransfers, long PartialMovements, long UnbalancedItems)
{
    public long Lost => Acknowledged - Found;
}

/// <summary>
/// Reads PostgreSQL directly, not through the product under test: every acknowledged movement must be in the
/// ledger once and whole, and every item's quantity must equal the sum of its ledger rows.
/// </summary>
public static class LedgerAudit
{
    public static async Task<LedgerFindings> Run(string connectionString, Guid organizationId, IReadOnlyCollection<Acknowledgement> acknowledged)
    {
        await using var source = NpgsqlDataSource.Create(connectionString);
        var ids = acknowledged.Select(a => a.MovementId).ToArray();
        var lines = acknowledged.Select(a => a.Movement.LedgerRows).ToArray();

        var found = await Scalar(source,
            "SELECT count(DISTINCT movement_id) FROM app.transactions WHERE organization_id = @org AND movement_id = ANY(@ids)",
            organizationId, ("ids", ids));
        // A sale's referenceId and a transfer's Idempotency-Key (which the driver also writes in its notes) each name one movement.
        var duplicates = await Scalar(source,
            "SELECT count(*) FROM (SELECT coalesce(reference_id, notes) FROM app.transactions " +
            "WHERE organization_id = @org AND type IN ('sale', 'transfer_out') GROUP BY 1 HAVING count(DISTINCT movement_id) > 1) AS twice",
            organizationId);
        var halfTransfers = await Scalar(source,
            "SELECT count(*) FROM (SELECT movement_id FROM app.transactions WHERE organization_id = @org AND type IN ('transfer_in', 'transfer_out') " +
            "GROUP BY movement_id HAVING count(*) FILTER (WHERE type = 'transfer_in') <> count(*) FILTER (WHERE type = 'transfer_out') OR sum(quantity) <> 0) AS half",
            organizationId);
        var partialMovements = await Scalar(source,
            "SELECT count(*) FROM unnest(@ids, @lines) AS a(id, lines) " +
            "WHERE (SELECT count(*) FROM app.transactions t WHERE t.organization_id = @org AND t.movement_id = a.id) NOT IN (0, a.lines)",
            organizationId, ("ids", ids), ("lines", lines));
        var unbalanced = await Scalar(source,
            "SELECT count(*) FROM app.inventory i WHERE i.organization_id = @org AND i.quantity <> " +
            "(SELECT coalesce(sum(t.quantity), 0) FROM app.transactions t WHERE t.location_id = i.location_id AND t.product_id = i.product_id)",
            organizationId);
        return new LedgerFindings(ids.Length, found, duplicates, halfTransfers, partialMovements, unbalanced);
    }

    private static async Task<long> Scalar(NpgsqlDataSource source, string sql, Guid organizationId, params (string Name, object Value)[] parameters)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.AddWithValue("org", organizationId);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }
}
