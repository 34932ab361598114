using Dapper;
using InventoryProFlow.Contracts.Compliance;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>Reads app.audit_log and app.audit_chain_heads (writes go through <see cref="AuditLog"/>) and keeps app.audit_checkpoints, always within one organisation.</summary>
public sealed class AuditRepository(NpgsqlDataSource db, [FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource reports)
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

    /// <summary>Entries one short query reads: a long chain is walked in many, none holding a snapshot for the whole walk.</summary>
    public const int ChunkEntries = 1_000;

    /// <summary>
    /// Walks the chain up to its head as it stands when the walk starts (entries appended meanwhile are the next walk's),
    /// from the checkpoint or, <paramref name="full"/>, from the first entry, in chunks of <see cref="ChunkEntries"/>. The
    /// checkpoint moves forward after each whole chunk, so a walk cut short (a timeout) is not lost; a broken chain drops it.
    /// </summary>
    public async Task<AuditVerification> Verify(Guid organizationId, bool full, DateTime now)
    {
        var head = await Head(organizationId);
        var checkpoint = full ? null : await Checkpoint(organizationId);
        // A checkpoint past the head (the head moved back behind our back) cannot stand: the walk reads the checkpointed entry and says what is missing.
        var check = checkpoint is null ? new AuditChainCheck() : new AuditChainCheck(checkpoint);
        var after = (checkpoint?.Sequence ?? 1) - 1;
        var until = head?.Sequence ?? 0;
        while (after < until)
        {
            var chunk = await Entries(organizationId, after, until);
            // Walked to the end even when broken, so the answer counts every entry.
            chunk.ForEach(entry => check.Next(entry));
            if (check.Verified is { } verified && verified.Sequence > (checkpoint?.Sequence ?? 0))
            {
                await MoveCheckpoint(organizationId, verified, now);
            }

            if (chunk.Count < ChunkEntries)
            {
                break;
            }

            after = chunk[^1].Sequence;
        }

        var outcome = check.Finish(head);
        if (!outcome.Verified)
        {
            await using var connection = await db.OpenConnectionAsync();
            await connection.ExecuteAsync("DELETE FROM app.audit_checkpoints WHERE organization_id = @organizationId", new { organizationId });
        }

        return outcome;
    }

    /// <summary>The last entry a verification found whole, if any.</summary>
    public async Task<ChainHead?> Checkpoint(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ChainHead>(
            "SELECT sequence, hash FROM app.audit_checkpoints WHERE organization_id = @organizationId", new { organizationId });
    }

    private async Task<ChainHead?> Head(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<ChainHead>(
            "SELECT sequence, hash FROM app.audit_chain_heads WHERE organization_id = @organizationId", new { organizationId });
    }

    private async Task<List<ChainedEntry>> Entries(Guid organizationId, long after, long until)
    {
        await using var connection = await reports.OpenConnectionAsync();
        return (await connection.QueryAsync<ChainedEntry>(
            $"SELECT organization_id, {Columns} FROM app.audit_log WHERE organization_id = @organizationId AND sequence > @after AND sequence <= @until " +
            "ORDER BY sequence LIMIT @limit",
            new { organizationId, after, until, limit = ChunkEntries })).ToList();
    }

    // Forward only: of two walks side by side, the one that got further stands.
    private async Task MoveCheckpoint(Guid organizationId, ChainHead verified, DateTime now)
    {
        await using var connection = await reports.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "INSERT INTO app.audit_checkpoints AS c (organization_id, sequence, hash, verified_at) VALUES (@organizationId, @Sequence, @Hash, @now) " +
            "ON CONFLICT (organization_id) DO UPDATE SET sequence = EXCLUDED.sequence, hash = EXCLUDED.hash, verified_at = EXCLUDED.verified_at " +
            "WHERE c.sequence < EXCLUDED.sequence",
            new { organizationId, verified.Sequence, verified.Hash, now });
    }
}
