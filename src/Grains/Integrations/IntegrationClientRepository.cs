using Dapper;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>SQL for app.integration_clients. Creation and revocation are audited, without the secret or its hash.</summary>
public sealed class IntegrationClientRepository(NpgsqlDataSource db, AuditLog audit, KeyEncryptionKeys keys)
{
    // Scopes travel as one space-separated text, as OAuth writes them: Dapper maps no text[] into a record constructor.
    private const string Columns = "id, organization_id, name, array_to_string(scopes, ' ') AS scopes, created_at, last_used_at, revoked_at, integration_id";

    public async Task<ClientDetails> Insert(ClientDetails client, string secretHash, Guid createdBy)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = Read(await connection.QuerySingleAsync<Row>(
            "INSERT INTO app.integration_clients (id, organization_id, name, secret_hash, scopes, created_by, created_at, integration_id) " +
            $"VALUES (@Id, @OrganizationId, @Name, @secretHash, @scopes, @createdBy, @CreatedAt, @IntegrationId) RETURNING {Columns}",
            new { client.Id, client.OrganizationId, client.Name, secretHash, scopes = client.Scopes.ToArray(), createdBy, client.CreatedAt, client.IntegrationId },
            transaction));
        await audit.Append(connection, transaction, stored.OrganizationId, AuditChange.Of("integration-client", "created", stored.Id, null, stored));
        await transaction.CommitAsync();
        return stored;
    }

    public async Task<Page<ClientDetails>> List(Guid organizationId, PageRequest page)
    {
        var rows = await db.QueryPageAsync<Row>(
            Columns, "FROM app.integration_clients WHERE organization_id = @organizationId", "created_at DESC, id", new { organizationId }, page);
        return new Page<ClientDetails>(rows.Items.Select(Read).ToList(), rows.PageNumber, rows.Limit, rows.Total, rows.TotalIsLowerBound);
    }

    /// <summary>Revokes a client (again is harmless and not audited twice); false when the organisation has no such client.</summary>
    public async Task<bool> Revoke(Guid organizationId, Guid clientId, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parameters = new { organizationId, clientId, at };
        var before = await connection.QuerySingleOrDefaultAsync<Row>(
            $"SELECT {Columns} FROM app.integration_clients WHERE organization_id = @organizationId AND id = @clientId FOR UPDATE", parameters, transaction);
        if (before is null)
        {
            return false;
        }

        if (before.RevokedAt is null)
        {
            var after = await connection.QuerySingleAsync<Row>(
                $"UPDATE app.integration_clients SET revoked_at = @at WHERE id = @clientId RETURNING {Columns}", parameters, transaction);
            await audit.Append(connection, transaction, organizationId, AuditChange.Of("integration-client", "revoked", clientId, Read(before), Read(after)));
        }

        await transaction.CommitAsync();
        return true;
    }

    /// <summary>A live client's details and secret hash, for checking a secret; records nothing, since the secret may be wrong.</summary>
    public async Task<(ClientDetails Client, string SecretHash)?> Live(Guid clientId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SecretRow>(
            $"SELECT {Columns}, secret_hash FROM app.integration_clients WHERE id = @clientId AND revoked_at IS NULL", new { clientId });
        return row is null ? null : (Read(row), row.SecretHash);
    }

    /// <summary>Notes that the client proved its secret; answers the client as now stored, or null when it was revoked meanwhile.</summary>
    public async Task<ClientDetails?> RecordUse(Guid clientId, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<Row>(
            $"UPDATE app.integration_clients SET last_used_at = @now WHERE id = @clientId AND revoked_at IS NULL RETURNING {Columns}", new { clientId, now });
        return row is null ? null : Read(row);
    }

    /// <summary>Whether the organisation has this client and it is not revoked: the gate's question for a client's token.</summary>
    public async Task<bool> IsLive(Guid organizationId, Guid clientId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.integration_clients WHERE organization_id = @organizationId AND id = @clientId AND revoked_at IS NULL)",
            new { organizationId, clientId });
    }

    /// <summary>The live POS integration a live client pushes sales for, with its signing secret.</summary>
    public async Task<IntegrationCredential?> PosCredential(Guid organizationId, Guid clientId)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SealedCredential>(
            "SELECT i.id AS integration_id, i.organization_id, i.webhook_secret, i.kek_id FROM app.integration_clients c " +
            "JOIN app.integrations i ON i.id = c.integration_id AND i.organization_id = c.organization_id AND i.revoked_at IS NULL " +
            "WHERE c.organization_id = @organizationId AND c.id = @clientId AND c.revoked_at IS NULL",
            new { organizationId, clientId });
        return row?.Opened(keys);
    }

    private static ClientDetails Read(Row row) =>
        new(row.Id, row.OrganizationId, row.Name, row.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries), row.CreatedAt, row.LastUsedAt, row.RevokedAt, row.IntegrationId);

    private record Row(Guid Id, Guid OrganizationId, string Name, string Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, Guid? IntegrationId);

    private sealed record SecretRow(
        Guid Id, Guid OrganizationId, string Name, string Scopes, DateTime CreatedAt, DateTime? LastUsedAt, DateTime? RevokedAt, Guid? IntegrationId, string SecretHash)
        : Row(Id, OrganizationId, Name, Scopes, CreatedAt, LastUsedAt, RevokedAt, IntegrationId);
}
