using Dapper;
using InventoryProFlow.Contracts.Paging;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// One round trip for a page of rows and the total that the pagination block reports. The total is counted up to
/// <see cref="CountCap"/> rows, or to the end of the page asked for when that lies further: a list of millions (a
/// ledger, an audit trail) costs at most that many index entries per page, not a count of all of it. Beyond the cap
/// the total is a lower bound (the rows counted, one past the page or the cap) and the page says so.
/// </summary>
internal static class PagedQuery
{
    /// <summary>How many rows a page's count reads at most, beyond the page itself.</summary>
    public const int CountCap = 10_000;

    public static async Task<Page<T>> QueryPageAsync<T>(
        this NpgsqlDataSource db, string columns, string fromWhere, string orderBy, object parameters, PageRequest page)
    {
        var arguments = new DynamicParameters(parameters);
        arguments.Add("limit", page.Limit);
        arguments.Add("offset", page.Offset);
        // One row past what is counted exactly tells an exact total from a lower bound.
        var exactUpTo = Math.Max(CountCap, (long)page.Offset + page.Limit);
        arguments.Add("countUpTo", exactUpTo + 1);
        await using var connection = await db.OpenConnectionAsync();
        await using var results = await connection.QueryMultipleAsync(
            $"SELECT {columns} {fromWhere} ORDER BY {orderBy} LIMIT @limit OFFSET @offset; SELECT count(*) FROM (SELECT 1 {fromWhere} LIMIT @countUpTo) counted;",
            arguments);
        var items = (await results.ReadAsync<T>()).ToArray();
        var total = await results.ReadSingleAsync<long>();
        return new Page<T>(items, page.Page, page.Limit, total, TotalIsLowerBound: total > exactUpTo);
    }
}
