using Dapper;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>A column that holds a secret sealed with a KEK, beside its row's kek_id.</summary>
/// <param name="Table">The table.</param>
/// <param name="IdColumn">The row's identity, part of the sealed value's associated data.</param>
/// <param name="IdType">The identity's SQL type.</param>
/// <param name="SealedColumn">The sealed column.</param>
public sealed record SecretColumn(string Table, string IdColumn, string IdType, string SealedColumn)
{
    public static readonly SecretColumn SigningKeys = new("app.signing_keys", "key_id", "text", "private_key_pem");
    public static readonly SecretColumn Webhooks = new("app.webhooks", "id", "uuid", "secret");
    public static readonly SecretColumn Integrations = new("app.integrations", "id", "uuid", "webhook_secret");

    public static IReadOnlyList<SecretColumn> All { get; } = [SigningKeys, Webhooks, Integrations];

    /// <summary>The associated data a row's secret is sealed with: which column of which row.</summary>
    public string Context(object id) => $"{Table}.{SealedColumn}/{id}";
}

/// <summary>How many secrets a pass sealed, and which KEKs still seal some (other than the current one).</summary>
public sealed record ResealReport(int Resealed, string CurrentKekId, IReadOnlyList<string> OlderKekIdsInUse);

/// <summary>
/// Start-up and rotation work over every sealed column: refuses to start when a secret's KEK is missing, seals the
/// plain rows older versions wrote, and reseals rows of older KEKs with the current one.
/// </summary>
public sealed class SealedSecrets(NpgsqlDataSource db, KeyEncryptionKeys keys)
{
    /// <summary>At start-up: stops with a clear message when a KEK in use is missing here, then seals what is still plain.</summary>
    public async Task<int> SealPlainAsync(CancellationToken cancellationToken = default)
    {
        var missing = (await KekIdsInUse(cancellationToken)).Where(id => !keys.Knows(id)).ToList();
        if (missing.Count > 0)
        {
            throw KeyEncryptionKeys.MissingKeys(missing);
        }

        var sealedCount = 0;
        foreach (var column in SecretColumn.All)
        {
            sealedCount += await Reseal(column, "kek_id IS NULL", cancellationToken);
        }

        return sealedCount;
    }

    /// <summary>Rotation: reseals every secret not sealed with the current KEK (plain ones too).</summary>
    public async Task<ResealReport> ResealAsync(CancellationToken cancellationToken = default)
    {
        var resealed = 0;
        foreach (var column in SecretColumn.All)
        {
            resealed += await Reseal(column, "kek_id IS DISTINCT FROM @current", cancellationToken);
        }

        var current = keys.CurrentId;
        return new ResealReport(resealed, current, (await KekIdsInUse(cancellationToken)).Where(id => id != current).ToList());
    }

    private async Task<IReadOnlyList<string>> KekIdsInUse(CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        var union = string.Join(" UNION ", SecretColumn.All.Select(c => $"SELECT kek_id FROM {c.Table} WHERE kek_id IS NOT NULL"));
        return (await connection.QueryAsync<string>(new CommandDefinition($"SELECT DISTINCT kek_id FROM ({union}) k ORDER BY 1", cancellationToken: cancellationToken))).ToList();
    }

    /// <summary>Reseals the rows of <paramref name="column"/> that match <paramref name="which"/>, in one transaction that locks them.</summary>
    private async Task<int> Reseal(SecretColumn column, string which, CancellationToken cancellationToken)
    {
        await using var connection = await db.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = keys.CurrentId;
        var rows = (await connection.QueryAsync<(string Id, string Text, string? KekId)>(new CommandDefinition(
            $"SELECT {column.IdColumn}::text, {column.SealedColumn}, kek_id FROM {column.Table} WHERE {which} FOR UPDATE",
            new { current }, transaction, cancellationToken: cancellationToken))).ToList();
        var updates = rows.Select(row =>
        {
            var context = column.Context(row.Id);
            var resealed = keys.Seal(keys.Open(new StoredSecret(row.Text, row.KekId), context), context);
            return new { row.Id, resealed.Text, resealed.KekId };
        }).ToList();
        await connection.ExecuteAsync(new CommandDefinition(
            $"UPDATE {column.Table} SET {column.SealedColumn} = @Text, kek_id = @KekId WHERE {column.IdColumn} = CAST(@Id AS {column.IdType})",
            updates, transaction, cancellationToken: cancellationToken));
        await transaction.CommitAsync(cancellationToken);
        return updates.Count;
    }
}
