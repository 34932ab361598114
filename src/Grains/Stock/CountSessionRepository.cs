using Dapper;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Stock;

/// <summary>SQL for count sessions, their areas and lines, and the ledger's stock at a session's snapshot.</summary>
public sealed class CountSessionRepository(NpgsqlDataSource db)
{
    private const string SessionColumns =
        "id, organization_id, location_id, name, snapshot_at, status, created_by, created_at, completed_at, completed_by, movement_id";

    public async Task Insert(CountSession session)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            $"INSERT INTO app.count_sessions ({SessionColumns}) VALUES (@Id, @OrganizationId, @LocationId, @Name, @SnapshotAt, @Status, @CreatedBy, @CreatedAt, NULL, NULL, NULL)",
            session, transaction);
        await connection.ExecuteAsync(
            "INSERT INTO app.count_areas (session_id, name, position) VALUES (@SessionId, @Name, @Position)",
            session.Areas.Select(a => new { SessionId = session.Id, a.Name, a.Position }), transaction);
        await transaction.CommitAsync();
    }

    public async Task<CountSession?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SessionRow>(
            $"SELECT {SessionColumns} FROM app.count_sessions WHERE organization_id = @organizationId AND id = @id", new { organizationId, id });
        if (row is null)
        {
            return null;
        }

        var areas = await connection.QueryAsync<CountArea>(
            "SELECT name, position, finished_at, finished_by FROM app.count_areas WHERE session_id = @id ORDER BY position", new { id });
        var lines = await connection.QueryAsync<CountLine>(
            "SELECT area, product_id, shelf_position, quantity, volume_ml, counted_by, counted_at FROM app.count_lines WHERE session_id = @id", new { id });
        return row.Session(areas.ToList(), lines.ToList());
    }

    /// <summary>Sessions newest snapshot first, each with its areas (lines are read one session at a time).</summary>
    public async Task<Page<CountSession>> List(Guid organizationId, CountSessionQuery query)
    {
        var page = await db.QueryPageAsync<SessionRow>(
            SessionColumns,
            "FROM app.count_sessions WHERE organization_id = @organizationId AND (@locationId::uuid IS NULL OR location_id = @locationId) " +
            "AND (@status::text IS NULL OR status = @status)",
            "snapshot_at DESC, id DESC",
            new { organizationId, locationId = query.LocationId, status = query.Status },
            query.Page);
        await using var connection = await db.OpenConnectionAsync();
        var ids = page.Items.Select(s => s.Id).ToArray();
        var areas = (await connection.QueryAsync<(Guid SessionId, string Name, int Position, DateTime? FinishedAt, Guid? FinishedBy)>(
            "SELECT session_id, name, position, finished_at, finished_by FROM app.count_areas WHERE session_id = ANY(@ids) ORDER BY position", new { ids }))
            .ToLookup(a => a.SessionId, a => new CountArea(a.Name, a.Position, a.FinishedAt, a.FinishedBy));
        return new Page<CountSession>(page.Items.Select(s => s.Session(areas[s.Id].ToList(), [])).ToList(), page.PageNumber, page.Limit, page.Total, page.TotalIsLowerBound);
    }

    public async Task SaveLine(Guid sessionId, CountLine line)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.count_lines (session_id, area, product_id, shelf_position, quantity, volume_ml, counted_by, counted_at) " +
            "VALUES (@sessionId, @Area, @ProductId, @ShelfPosition, @Quantity, @VolumeMl, @CountedBy, @CountedAt) " +
            "ON CONFLICT (session_id, area, product_id) DO UPDATE SET shelf_position = EXCLUDED.shelf_position, quantity = EXCLUDED.quantity, " +
            "volume_ml = EXCLUDED.volume_ml, counted_by = EXCLUDED.counted_by, counted_at = EXCLUDED.counted_at",
            new { sessionId, line.Area, line.ProductId, line.ShelfPosition, line.Quantity, line.VolumeMl, line.CountedBy, line.CountedAt });
    }

    public async Task FinishArea(Guid sessionId, string area, DateTime at, Guid? by)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.count_areas SET finished_at = @at, finished_by = @by WHERE session_id = @sessionId AND name = @area AND finished_at IS NULL",
            new { sessionId, area, at, by });
    }

    public async Task Close(CountSession session)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.count_sessions SET status = @Status, completed_at = @CompletedAt, completed_by = @CompletedBy, movement_id = @MovementId WHERE id = @Id",
            session);
    }

    /// <summary>What the ledger held of each product at a location at a moment: the rows that happened by then.</summary>
    public async Task<IReadOnlyDictionary<Guid, Measure>> StockAt(Guid organizationId, Guid locationId, Guid[] productIds, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<(Guid ProductId, decimal Quantity, decimal? VolumeMl)>(
            "SELECT product_id, sum(quantity), sum(volume_ml) FROM app.transactions WHERE organization_id = @organizationId AND location_id = @locationId " +
            "AND product_id = ANY(@productIds) AND occurred_at <= @at GROUP BY product_id",
            new { organizationId, locationId, productIds, at });
        return rows.ToDictionary(r => r.ProductId, r => new Measure(r.Quantity, r.VolumeMl));
    }

    private sealed record SessionRow(
        Guid Id, Guid OrganizationId, Guid LocationId, string Name, DateTime SnapshotAt, string Status, Guid? CreatedBy, DateTime CreatedAt,
        DateTime? CompletedAt, Guid? CompletedBy, Guid? MovementId)
    {
        public CountSession Session(IReadOnlyList<CountArea> areas, IReadOnlyList<CountLine> lines) => new(
            Id, OrganizationId, LocationId, Name, SnapshotAt, Status, areas, lines, CreatedBy, CreatedAt, CompletedAt, CompletedBy, MovementId);
    }
}
