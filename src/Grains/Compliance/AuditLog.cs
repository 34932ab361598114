using System.Text.Json;
using InventoryProFlow.Contracts.Json;
using Npgsql;
using NpgsqlTypes;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// The one writer of the audit trail. Code that changes something calls <see cref="Append(NpgsqlConnection, NpgsqlTransaction?, Guid, AuditChange)"/>
/// with its own connection and transaction, so the change and its entry commit together or not at all.
/// Appends lock the organisation's chain head, so concurrent writers make one chain, not two.
/// </summary>
public sealed class AuditLog(TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = ContractJson.Web;

    /// <summary>Appends one change; who and which request are read from the call's RequestContext.</summary>
    public Task Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organizationId, AuditChange change) =>
        Append(connection, transaction, organizationId, [AuditedChange.ByCurrentCaller(change)]);

    /// <summary>Appends changes in order, all made by <paramref name="caller"/>.</summary>
    public Task Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organizationId, IReadOnlyList<AuditChange> changes, AuditCaller caller) =>
        Append(connection, transaction, organizationId, changes.Select(c => new AuditedChange(c, caller)).ToList());

    /// <summary>Appends changes in order, each with the caller captured where it was decided (for writers outside the request's async flow).</summary>
    public async Task Append(NpgsqlConnection connection, NpgsqlTransaction? transaction, Guid organizationId, IReadOnlyList<AuditedChange> changes)
    {
        if (changes.Count == 0)
        {
            return;
        }

        // Without the caller's transaction the lock on the head would end with the statement that took it.
        await using var own = transaction is null ? await connection.BeginTransactionAsync() : null;
        var (head, texts) = await LockHead(connection, transaction ?? own!, organizationId, changes);
        var at = AuditHash.Stored(time.GetUtcNow().UtcDateTime);
        var entries = new List<ChainedEntry>(changes.Count);
        foreach (var ((change, caller), (before, after)) in changes.Zip(texts))
        {
            var entry = new ChainedEntry(
                organizationId, head.Sequence + 1, at, caller.UserId, caller.RequestId, change.Action, change.EntityType, change.EntityId,
                before, after, head.Hash, string.Empty);
            entry = entry with { Hash = AuditHash.Of(entry) };
            entries.Add(entry);
            head = new ChainHead(entry.Sequence, entry.Hash);
        }

        await Write(connection, transaction ?? own!, organizationId, entries, head);
        if (own is not null)
        {
            await own.CommitAsync();
        }
    }

    // One round trip: make sure the head exists (a new organisation's first entry), lock it, and have PostgreSQL
    // normalise the JSON as jsonb will store it, since that text is what the hash covers.
    private static async Task<(ChainHead Head, List<(string? Before, string? After)> Texts)> LockHead(
        NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId, IReadOnlyList<AuditedChange> changes)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            "INSERT INTO app.audit_chain_heads (organization_id, sequence, hash) VALUES (@org, 0, @genesis) ON CONFLICT DO NOTHING",
            ("org", organizationId), ("genesis", AuditHash.Genesis)));
        batch.BatchCommands.Add(Command("SELECT sequence, hash FROM app.audit_chain_heads WHERE organization_id = @org FOR UPDATE", ("org", organizationId)));
        batch.BatchCommands.Add(Command(
            "SELECT b::jsonb::text, a::jsonb::text FROM unnest(@before::text[], @after::text[]) WITH ORDINALITY AS u(b, a, n) ORDER BY n",
            ("before", changes.Select(c => Serialize(c.Change.Before)).ToArray()),
            ("after", changes.Select(c => Serialize(c.Change.After)).ToArray())));
        await using var reader = await batch.ExecuteReaderAsync();
        await reader.ReadAsync();
        var head = new ChainHead(reader.GetInt64(0), reader.GetString(1));
        await reader.NextResultAsync();
        var texts = new List<(string?, string?)>(changes.Count);
        while (await reader.ReadAsync())
        {
            texts.Add((reader.IsDBNull(0) ? null : reader.GetString(0), reader.IsDBNull(1) ? null : reader.GetString(1)));
        }

        return (head, texts);
    }

    private static async Task Write(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId, List<ChainedEntry> entries, ChainHead head)
    {
        await using var batch = new NpgsqlBatch(connection, transaction);
        batch.BatchCommands.Add(Command(
            "INSERT INTO app.audit_log (organization_id, sequence, occurred_at, user_id, request_id, action, entity_type, entity_id, before, after, previous_hash, hash) " +
            "SELECT @org, sequence, occurred_at, user_id, request_id, action, entity_type, entity_id, before::jsonb, after::jsonb, previous_hash, hash " +
            "FROM unnest(@sequence, @occurred, @user, @request, @action, @type, @entity, @before::text[], @after::text[], @previous, @hash) " +
            "AS u(sequence, occurred_at, user_id, request_id, action, entity_type, entity_id, before, after, previous_hash, hash)",
            ("org", organizationId),
            ("sequence", entries.Select(e => e.Sequence).ToArray()),
            ("occurred", entries.Select(e => e.OccurredAt).ToArray()),
            ("user", entries.Select(e => e.UserId).ToArray()),
            ("request", entries.Select(e => e.RequestId).ToArray()),
            ("action", entries.Select(e => e.Action).ToArray()),
            ("type", entries.Select(e => e.EntityType).ToArray()),
            ("entity", entries.Select(e => e.EntityId).ToArray()),
            ("before", entries.Select(e => e.Before).ToArray()),
            ("after", entries.Select(e => e.After).ToArray()),
            ("previous", entries.Select(e => e.PreviousHash).ToArray()),
            ("hash", entries.Select(e => e.Hash).ToArray())));
        batch.BatchCommands.Add(Command(
            "UPDATE app.audit_chain_heads SET sequence = @sequence, hash = @hash WHERE organization_id = @org",
            ("org", organizationId), ("sequence", head.Sequence), ("hash", head.Hash)));
        await batch.ExecuteNonQueryAsync();
    }

    private static string? Serialize(object? value) => value is null ? null : JsonSerializer.Serialize(value, value.GetType(), Json);

    private static NpgsqlBatchCommand Command(string sql, params (string Name, object? Value)[] parameters)
    {
        var command = new NpgsqlBatchCommand(sql);
        foreach (var (name, value) in parameters)
        {
            // Times are UTC instants; say so. Arrays of nullable values are typed by their element type, nulls or not.
            command.Parameters.Add(value is DateTime[]? new NpgsqlParameter(name, NpgsqlDbType.Array | NpgsqlDbType.TimestampTz) { Value = value }
                : new NpgsqlParameter(name, value ?? DBNull.Value));
        }

        return command;
    }
}
