using Dapper;
using InventoryProFlow.Contracts.Paging;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>One round trip for a page of rows and the total that the pagination block reports.</summary>
internal static class PagedQuery
{
    public static async Task<Page<T>> QueryPageAsync<T>(
        this NpgsqlDataSource db, string columns, string fromWhere, string orderBy, object parameters, PageRequest page)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("limit", page.Limit);
        arguments.Add("offset", page.Offset);
        await using var connection = await db.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(
            $"SELECT {columns} {fromWhere} ORDER BY {orderBy} LIMIT @limit OFFSET @offset; SELECT count(*) {fromWhere};",
            arguments);
        var items = (await results.ReadAsync<T>()).ToArray();
        var total = await results.ReadSingleAsync<long>();
        return new Page<T>(items, page.Page, page.Limit, total);
    }
}
