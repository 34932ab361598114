using Npgsql;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>Reads the product's database directly, so tests check what was (not) written, not just what was answered.</summary>
public sealed class Database(string connectionString)
{
    public async Task<T> ScalarAsync<T>(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        // Read as T by Npgsql, so a numeric column reads as the int or long a test expects of whole bottles.
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync() && !await reader.IsDBNullAsync(0) ? await reader.GetFieldValueAsync<T>(0) : default!;
    }

    /// <summary>
    /// Runs a statement as someone with direct database access would: with triggers off (session_replication_role
    /// replica, for this transaction only), so append-only tables can be edited behind the product's back.
    /// </summary>
    public async Task<int> TamperAsync(string sql, params (string Name, object Value)[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await using (var off = new NpgsqlCommand("SET LOCAL session_replication_role = replica", connection, transaction))
        {
            await off.ExecuteNonQueryAsync();
        }

        await using var command = new NpgsqlCommand(sql, connection, transaction);
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        var rows = await command.ExecuteNonQueryAsync();
        await transaction.CommitAsync();
        return rows;
    }

    /// <summary>The stored quantity of one product at one location.</summary>
    public Task<decimal> QuantityAsync(Guid location, Guid product) =>
        ScalarAsync<decimal>("SELECT quantity FROM app.inventory WHERE location_id = @l AND product_id = @p", ("l", location), ("p", product));

    /// <summary>Row counts of every business table: a request that must change nothing leaves this equal.</summary>
    public async Task<IReadOnlyDictionary<string, long>> CountsAsync()
    {
        string[] tables = ["organizations", "locations", "users", "suppliers", "products", "inventory", "transactions", "refresh_tokens", "stock_alerts", "idempotency_keys", "integrations", "unmapped_items", "audit_log", "licenses", "compliance_alerts", "compliance_reports", "webhooks", "integration_clients", "signing_keys", "forecast_models", "sign_ups", "email_links"];
        var counts = new Dictionary<string, long>();
        foreach (var table in tables)
        {
            counts[table] = await ScalarAsync<long>($"SELECT count(*) FROM app.{table}");
        }

        counts["updated"] = await ScalarAsync<long>(
            "SELECT (SELECT count(*) FROM app.organizations WHERE updated_at <> created_at) + (SELECT count(*) FROM app.locations WHERE updated_at <> created_at) " +
            "+ (SELECT count(*) FROM app.suppliers WHERE updated_at <> created_at) + (SELECT count(*) FROM app.products WHERE updated_at <> created_at)");
        counts["stock"] = await ScalarAsync<long>("SELECT coalesce(sum(quantity), 0) + coalesce(sum(par_level), 0) FROM app.inventory");
        return counts;
    }
}
