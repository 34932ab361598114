using Dapper;
using InventoryProFlow.Contracts.Integrations;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Integrations;

/// <summary>SQL for app.integrations and app.unmapped_items.</summary>
public sealed class IntegrationRepository(NpgsqlDataSource db, AuditLog audit, KeyEncryptionKeys keys)
{
    private const string DetailColumns = "id, organization_id, name, kind, api_key_prefix, created_at, revoked_at";

    private const string UnmappedColumns =
        "id, organization_id, integration_id, location_id, pos_transaction_id, line_number, sku, barcode, quantity, unit_price, " +
        "occurred_at, status, product_id, movement_id, mapped_by, mapped_at, created_at, pos_item_id, item_name, modifier_ids";

    /// <summary>
    /// Adds an integration, audited as integration.created (its key's prefix only: never the key, its hash or the secret);
    /// the secret is stored sealed with the KEK.
    /// </summary>
    public async Task<IntegrationDetails> Insert(IntegrationDetails details, string apiKeyHash, string webhookSecret, Guid createdBy)
    {
        var sealedSecret = keys.Seal(webhookSecret, SecretColumn.Integrations.Context(details.Id));
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var stored = await connection.QuerySingleAsync<IntegrationDetails>(
            "INSERT INTO app.integrations (id, organization_id, name, kind, api_key_hash, api_key_prefix, webhook_secret, kek_id, created_by, created_at) " +
            $"VALUES (@Id, @OrganizationId, @Name, @Kind, @apiKeyHash, @ApiKeyPrefix, @webhookSecret, @kekId, @createdBy, @CreatedAt) RETURNING {DetailColumns}",
            new { details.Id, details.OrganizationId, details.Name, details.Kind, apiKeyHash, details.ApiKeyPrefix, webhookSecret = sealedSecret.Text, kekId = sealedSecret.KekId, createdBy, details.CreatedAt },
            transaction);
        await audit.Append(connection, transaction, stored.OrganizationId, AuditChange.Of("integration", "created", stored.Id, null, stored));
        await transaction.CommitAsync();
        return stored;
    }

    public Task<Page<IntegrationDetails>> List(Guid organizationId, PageRequest page) =>
        db.QueryPageAsync<IntegrationDetails>(DetailColumns, "FROM app.integrations WHERE organization_id = @organizationId", "created_at DESC, id", new { organizationId }, page);

    /// <summary>
    /// Revokes an integration, audited as integration.revoked (again is harmless and not audited twice); answers its key's hash,
    /// or null when there is no such integration.
    /// </summary>
    public async Task<string?> Revoke(Guid organizationId, Guid integrationId, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var parameters = new { organizationId, integrationId, at };
        var keyHash = await connection.ExecuteScalarAsync<string?>(
            "SELECT api_key_hash FROM app.integrations WHERE organization_id = @organizationId AND id = @integrationId FOR UPDATE", parameters, transaction);
        var before = await connection.QuerySingleOrDefaultAsync<IntegrationDetails>(
            $"SELECT {DetailColumns} FROM app.integrations WHERE organization_id = @organizationId AND id = @integrationId AND revoked_at IS NULL", parameters, transaction);
        if (before is not null)
        {
            var after = await connection.QuerySingleAsync<IntegrationDetails>(
                $"UPDATE app.integrations SET revoked_at = @at WHERE id = @integrationId RETURNING {DetailColumns}", parameters, transaction);
            await audit.Append(connection, transaction, organizationId, AuditChange.Of("integration", "revoked", integrationId, before, after));
        }

        await transaction.CommitAsync();
        return keyHash;
    }

    /// <summary>The line numbers of a POS transaction already waiting in the queue: they stay there, whatever matches now.</summary>
    public async Task<IReadOnlyList<int>> QueuedLines(Guid integrationId, Guid locationId, string posTransactionId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<int>(
            "SELECT line_number FROM app.unmapped_items WHERE integration_id = @integrationId AND location_id = @locationId AND pos_transaction_id = @posTransactionId",
            new { integrationId, locationId, posTransactionId })).ToList();
    }

    /// <summary>Whether the organisation has this POS integration, not revoked.</summary>
    public async Task<bool> IsLive(Guid organizationId, Guid integrationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.integrations WHERE organization_id = @organizationId AND id = @integrationId AND revoked_at IS NULL)",
            new { organizationId, integrationId });
    }

    public async Task<IntegrationCredential?> Credential(string apiKeyHash)
    {
        await using var connection = await db.OpenConnectionAsync();
        var row = await connection.QuerySingleOrDefaultAsync<SealedCredential>(
            "SELECT id AS integration_id, organization_id, webhook_secret, kek_id FROM app.integrations WHERE api_key_hash = @apiKeyHash AND revoked_at IS NULL",
            new { apiKeyHash });
        return row?.Opened(keys);
    }

    /// <summary>Queues lines and answers how many are new; a line already queued (the same POS transaction delivered again) is left as it is.</summary>
    public async Task<int> Queue(IReadOnlyList<UnmappedItem> items)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteAsync(
            $"INSERT INTO app.unmapped_items ({UnmappedColumns}) VALUES (@Id, @OrganizationId, @IntegrationId, @LocationId, @PosTransactionId, @LineNumber, " +
            "@Sku, @Barcode, @Quantity, @UnitPrice, @OccurredAt, @Status, @ProductId, @MovementId, @MappedBy, @MappedAt, @CreatedAt, @PosItemId, @ItemName, @ModifierIds) " +
            "ON CONFLICT (integration_id, location_id, pos_transaction_id, line_number) DO NOTHING",
            items);
    }

    public Task<Page<UnmappedItem>> Unmapped(Guid organizationId, PageRequest page, bool includeMapped) =>
        db.QueryPageAsync<UnmappedItem>(
            UnmappedColumns, "FROM app.unmapped_items WHERE organization_id = @organizationId AND (status = 'open' OR @includeMapped)",
            "created_at, id", new { organizationId, includeMapped }, page);

    /// <summary>The open queued lines that named a POS item, oldest first: what mapping that item applies.</summary>
    public async Task<IReadOnlyList<UnmappedItem>> OpenLinesOf(Guid organizationId, string posItemId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return (await connection.QueryAsync<UnmappedItem>(
            $"SELECT {UnmappedColumns} FROM app.unmapped_items WHERE organization_id = @organizationId AND pos_item_id = @posItemId AND status = 'open' ORDER BY created_at, id",
            new { organizationId, posItemId })).ToList();
    }

    public async Task<UnmappedItem?> FindUnmapped(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UnmappedItem>(
            $"SELECT {UnmappedColumns} FROM app.unmapped_items WHERE organization_id = @organizationId AND id = @id", new { organizationId, id });
    }

    /// <summary>Marks a queued line mapped, audited as unmapped_item.mapped (the sale it became is in the ledger).</summary>
    public async Task<UnmappedItem> MarkMapped(UnmappedItem item, Guid? productId, Guid movementId, Guid? mappedBy, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var mapped = await connection.QuerySingleAsync<UnmappedItem>(
            "UPDATE app.unmapped_items SET status = 'mapped', product_id = @productId, movement_id = @movementId, mapped_by = @mappedBy, mapped_at = @at " +
            $"WHERE organization_id = @OrganizationId AND id = @Id RETURNING {UnmappedColumns}",
            new { item.OrganizationId, item.Id, productId, movementId, mappedBy, at },
            transaction);
        await audit.Append(connection, transaction, item.OrganizationId, AuditChange.Of("unmapped_item", "mapped", item.Id, item, mapped));
        await transaction.CommitAsync();
        return mapped;
    }
}
