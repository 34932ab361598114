using System.Data;
using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>Reads app.audit_log and app.audit_chain_heads (writes go through <see cref="AuditLog"/>), always within one organisation.</summary>
public sealed class AuditRepository(NpgsqlDataSource db)
{
    private const string Columns =
        "sequence, occurred_at, user_id, request_id, action, entity_type, entity_id, before::text AS before, after::text AS after, previous_hash, hash";

    public Task<Page<AuditEntry>> List(Guid organizationId, AuditQuery query) =>
        db.QueryPageAsync<AuditEntry>(
            Columns,
            "FROM app.audit_log WHERE organization_id = @organizationId " +
            "AND (@entityType::text IS NULL OR entity_type = @entityType) AND (@entityId::text IS NULL OR entity_id = @entityId) " +
            "AND (@userId::uuid IS NULL OR user_id = @userId) AND (@action::text IS NULL OR action = @action) " +
            "AND (@from::timestamptz IS NULL OR occurred_at >= @from) AND (@to::timestamptz IS NULL OR occurred_at < @to)",
            "sequence DESC",
            new { organizationId, entityType = query.EntityType, entityId = query.EntityId, userId = query.UserId, action = query.Action, from = query.From, to = query.To },
            query.Page);

    /// <summary>Walks the whole chain in one snapshot, so entries appended meanwhile do not look like a missing tail.</summary>
    public async Task<AuditVerification> Verify(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead);
        var check = new AuditChainCheck();
        var entries = connection.QueryUnbufferedAsync<ChainedEntry>(
            $"SELECT organization_id, {Columns} FROM app.audit_log WHERE organization_id = @organizationId ORDER BY sequence",
            new { organizationId },
            transaction);
        // Walked to the end even when broken, so the answer counts every entry.
        await foreach (var entry in entries)
        {
            check.Next(entry);
        }

        var head = await connection.QuerySingleOrDefaultAsync<ChainHead>(
            "SELECT sequence, hash FROM app.audit_chain_heads WHERE organization_id = @organizationId", new { organizationId }, transaction);
        return check.Finish(head);
    }
}
