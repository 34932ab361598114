using System.Globalization;
using Dapper;
using InventoryProFlow.Contracts.Paging;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// The SQL every table of one organisation's rows shares: find one, page through, insert, update.
/// Every statement is scoped by organization_id, so a tenant never reaches another's rows.
/// Columns are listed once, in the order of the record's constructor (Dapper maps by that order).
/// </summary>
public abstract class TenantTable<T>
{
    private readonly string _table;
    private readonly string _live;

    protected TenantTable(NpgsqlDataSource db, string table, string columns, string? liveFilter = null)
    {
        Db = db;
        _table = table;
        _live = liveFilter is null ? string.Empty : $" AND {liveFilter}";
        Columns = columns;
        var names = columns.Split(',', StringSplitOptions.TrimEntries);
        Values = string.Join(", ", names.Select(Parameter));
        // Identity and creation are set once; everything else a write may change.
        Assignments = string.Join(", ", names.Where(n => n is not ("id" or "organization_id" or "created_at")).Select(n => $"{n} = {Parameter(n)}"));
    }

    protected NpgsqlDataSource Db { get; }

    protected string Columns { get; }

    private string Values { get; }

    private string Assignments { get; }

    public async Task<T?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<T>(
            $"SELECT {Columns} FROM {_table} WHERE organization_id = @organizationId AND id = @id{_live}", new { organizationId, id });
    }

    /// <summary>Inserts a row and answers it as stored (numeric columns round), so callers cache the truth.</summary>
    public async Task<T> Insert(T row)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<T>($"INSERT INTO {_table} ({Columns}) VALUES ({Values}) RETURNING {Columns}", row);
    }

    public Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, T row) =>
        connection.ExecuteAsync($"INSERT INTO {_table} ({Columns}) VALUES ({Values})", row, transaction);

    /// <summary>Updates a row and answers it as stored.</summary>
    public async Task<T> Update(T row)
    {
        await using var connection = await Db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<T>(
            $"UPDATE {_table} SET {Assignments} WHERE organization_id = @OrganizationId AND id = @Id{_live} RETURNING {Columns}", row);
    }

    protected Task<Page<T>> Page(string filter, string orderBy, object parameters, PageRequest page) =>
        Db.QueryPageAsync<T>(Columns, $"FROM {_table} WHERE organization_id = @organizationId{_live} AND ({filter})", orderBy, parameters, page);

    private static string Parameter(string column) =>
        "@" + string.Concat(column.Split('_').Select(part => char.ToUpper(part[0], CultureInfo.InvariantCulture) + part[1..]));
}
