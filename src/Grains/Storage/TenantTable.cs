using System.Globalization;
using Dapper;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// The SQL every table of one organisation's rows shares: find one, page through, insert, update.
/// Every statement is scoped by organization_id, so a tenant never reaches another's rows.
/// Columns are listed once, in the order of the record's constructor (Dapper maps by that order).
/// A change made here is written to the audit trail in its own transaction, with the row before and after.
/// </summary>
public abstract class TenantTable<T>
{
    private readonly string _table;
    private readonly string _live;
    private readonly string _entityType;
    private readonly Func<T, Guid> _idOf;
    private readonly Func<T, Guid> _organizationOf;

    protected TenantTable(
        NpgsqlDataSource db,
        AuditLog audit,
        string table,
        string entityType,
        Func<T, Guid> idOf,
        Func<T, Guid> organizationOf,
        string columns,
        string? liveFilter = null,
        IReadOnlyCollection<string>? writtenElsewhere = null)
    {
        Db = db;
        Audit = audit;
        _table = table;
        _entityType = entityType;
        _idOf = idOf;
        _organizationOf = organizationOf;
        _live = liveFilter is null ? string.Empty : $" AND {liveFilter}";
        Columns = columns;
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        Values = string.Join(", ", names.Select(Parameter));
        // Identity and creation are set once, and a column another writer owns is left to it; everything else a write may change.
        Assignments = string.Join(", ", names.Where(n => n is not ("id" or "organization_id" or "created_at") && writtenElsewhere?.Contains(n) != true)
            .Select(n => $"{n} = {Parameter(n)}"));
    }

    protected NpgsqlDataSource Db { get; }

    /// <summary>Where a change this table's own SQL makes (a soft delete, say) is written, in the same transaction.</summary>
    protected AuditLog Audit { get; }

    protected string Columns { get; }

    private string Values { get; }

    private string Assignments { get; }

    public async Task<T?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<T>(
            $"SELECT {Columns} FROM {_table} WHERE organization_id = @organizationId AND id = @id{_live}", new { organizationId, id });
    }

    /// <summary>Every live row of an organisation: for the small tables a grain keeps whole in memory (a menu).</summary>
    public async Task<IReadOnlyList<T>> All(Guid organizationId)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return (await connection.QueryAsync<T>($"SELECT {Columns} FROM {_table} WHERE organization_id = @organizationId{_live}", new { organizationId })).ToList();
    }

    /// <summary>Inserts a row, audited as "{entity}.created", and answers it as stored (numeric columns round), so callers cache the truth.</summary>
    public async Task<T> Insert(T row)
    {
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = await connection.QuerySingleAsync<T>($"INSERT INTO {_table} ({Columns}) VALUES ({Values}) RETURNING {Columns}", row, transaction);
        await Audit.Append(connection, transaction, _organizationOf(stored), AuditChange.Of(_entityType, "created", _idOf(stored), null, stored));
        await transaction.CommitAsync();
        return stored;
    }

    /// <summary>Inserts a row unaudited: for seeding demo data, which no one changed.</summary>
    public Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, T row) =>
        connection.ExecuteAsync($"INSERT INTO {_table} ({Columns}) VALUES ({Values})", row, transaction);

    /// <summary>
    /// Updates a row, audited as "{entity}.{verb}" with the row as it was (read under lock, so a concurrent change
    /// cannot slip between) and as stored. Answers it as stored.
    /// </summary>
    public async Task<T> Update(T row, string verb = "updated")
    {
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await connection.QuerySingleAsync<T>(
            $"SELECT {Columns} FROM {_table} WHERE organization_id = @OrganizationId AND id = @Id{_live} FOR UPDATE", row, transaction);
        var stored = await connection.QuerySingleAsync<T>(
            $"UPDATE {_table} SET {Assignments} WHERE organization_id = @OrganizationId AND id = @Id{_live} RETURNING {Columns}", row, transaction);
        await Audit.Append(connection, transaction, _organizationOf(stored), AuditChange.Of(_entityType, verb, _idOf(stored), before, stored));
        await transaction.CommitAsync();
        return stored;
    }

    /// <summary>
    /// Marks a live row deleted (tables whose rows are never removed, as alerts and the ledger point at them), audited
    /// as "{entity}.deleted" with the row as it was; false when there is no live row.
    /// </summary>
    public async Task<bool> SoftDelete(Guid organizationId, Guid id, DateTime at)
    {
        await using var connection = await Db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parameters = new { organizationId, id, at };
        var before = await connection.QuerySingleOrDefaultAsync<T>(
            $"SELECT {Columns} FROM {_table} WHERE organization_id = @organizationId AND id = @id AND deleted_at IS NULL FOR UPDATE", parameters, transaction);
        if (before is null)
        {
            return false;
        }

        await connection.ExecuteAsync($"UPDATE {_table} SET deleted_at = @at, updated_at = @at WHERE id = @id", parameters, transaction);
        await Audit.Append(connection, transaction, organizationId, AuditChange.Of(_entityType, "deleted", id, before, null));
        await transaction.CommitAsync();
        return true;
    }

    protected Task<Page<T>> Page(string filter, string orderBy, object parameters, PageRequest page) =>
        Db.QueryPageAsync<T>(Columns, $"FROM {_table} WHERE organization_id = @organizationId{_live} AND ({filter})", orderBy, parameters, page);

    private static string Parameter(string column) =>
        "@" + string.Concat(column.Split('_').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
