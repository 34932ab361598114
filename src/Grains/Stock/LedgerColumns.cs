using InventoryProFlow.Contracts.Stock;
using Npgsql;
using NpgsqlTypes;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// The columns of a ledger row (app.transactions), declared once with the member of <see cref="LedgerEntry"/> each
/// holds. The group commit, the demo's bulk load and every reader of whole rows are built from this list, so a
/// column is added in one place and no statement lists them by position.
/// </summary>
internal static class LedgerColumns
{
    private static readonly Column[] All =
    [
        Of("id", NpgsqlDbType.Uuid, (_, e) => e.Id),
        Of("organization_id", NpgsqlDbType.Uuid, (organizationId, _) => organizationId),
        Of("movement_id", NpgsqlDbType.Uuid, (_, e) => e.MovementId),
        Of("type", NpgsqlDbType.Text, (_, e) => e.Type),
        Of("location_id", NpgsqlDbType.Uuid, (_, e) => e.LocationId),
        Of("product_id", NpgsqlDbType.Uuid, (_, e) => e.ProductId),
        Of("quantity", NpgsqlDbType.Numeric, (_, e) => e.Quantity),
        Of("volume_ml", NpgsqlDbType.Numeric, (_, e) => e.VolumeMl),
        Of("unit_cost", NpgsqlDbType.Numeric, (_, e) => e.UnitCost),
        Of("unit_price", NpgsqlDbType.Numeric, (_, e) => e.UnitPrice),
        Of("total_amount", NpgsqlDbType.Numeric, (_, e) => e.TotalAmount),
        Of("reference_id", NpgsqlDbType.Text, (_, e) => e.ReferenceId),
        Of("notes", NpgsqlDbType.Text, (_, e) => e.Notes),
        Of("reason", NpgsqlDbType.Text, (_, e) => e.Reason),
        Of("user_id", NpgsqlDbType.Uuid, (_, e) => e.UserId),
        Of("supplier_id", NpgsqlDbType.Uuid, (_, e) => e.SupplierId),
        Of("counterpart_location_id", NpgsqlDbType.Uuid, (_, e) => e.CounterpartLocationId),
        Of("occurred_at", NpgsqlDbType.TimestampTz, (_, e) => e.OccurredAt),
        Of("recorded_at", NpgsqlDbType.TimestampTz, (_, e) => e.RecordedAt),
    ];

    private static readonly string Names = string.Join(", ", All.Select(c => c.Name));

    /// <summary>
    /// What a reader selects to read whole <see cref="LedgerEntry"/> rows from <c>app.transactions t JOIN app.products p</c>:
    /// every column but the organisation (the reader's filter), and the product's sku.
    /// </summary>
    public static string Entry { get; } = string.Join(", ", All.Where(c => c.Name != "organization_id").Select(c => "t." + c.Name)) + ", p.sku";

    /// <summary>One statement that appends the rows, each column sent as one array.</summary>
    public static NpgsqlBatchCommand Insert(IReadOnlyList<(Guid OrganizationId, LedgerEntry Entry)> rows)
    {
        var command = new NpgsqlBatchCommand(
            $"INSERT INTO app.transactions ({Names}) SELECT * FROM unnest({string.Join(", ", All.Select(c => "@" + c.Name))})");
        foreach (var column in All)
        {
            command.Parameters.Add(new NpgsqlParameter(column.Name, NpgsqlDbType.Array | column.Type) { Value = column.Array(rows) });
        }

        return command;
    }

    /// <summary>Appends many rows by COPY (the demo's sixteen weeks), inside the caller's transaction.</summary>
    public static async Task Copy(NpgsqlConnection connection, Guid organizationId, IEnumerable<LedgerEntry> entries, CancellationToken cancellationToken)
    {
        await using var importer = await connection.BeginBinaryImportAsync($"COPY app.transactions ({Names}) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var entry in entries)
        {
            await importer.StartRowAsync(cancellationToken);
            foreach (var column in All)
            {
                await column.Write(importer, organizationId, entry, cancellationToken);
            }
        }

        await importer.CompleteAsync(cancellationToken);
    }

    private static Column Of<T>(string name, NpgsqlDbType type, Func<Guid, LedgerEntry, T> value) => new(
        name,
        type,
        rows => rows.Select(r => value(r.OrganizationId, r.Entry)).ToArray(),
        (importer, organizationId, entry, cancellationToken) => value(organizationId, entry) is { } present
            ? importer.WriteAsync(present, type, cancellationToken)
            : importer.WriteNullAsync(cancellationToken));

    private sealed record Column(
        string Name,
        NpgsqlDbType Type,
        Func<IReadOnlyList<(Guid OrganizationId, LedgerEntry Entry)>, Array> Array,
        Func<NpgsqlBinaryImporter, Guid, LedgerEntry, CancellationToken, Task> Write);
}
