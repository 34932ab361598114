using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Api.Tests.Operations;

/// <summary>
/// The upgrade to volume-true stock (0013) on a database holding whole-unit history: every old row keeps its quantity
/// and gains its exact volume, and the ledger is append-only again afterwards.
/// </summary>
public sealed class VolumeMigrationTests
{
    private static readonly Guid Org = Guid.Parse("0195a000-0000-7000-8000-000000000001");
    private static readonly Guid Bar = Guid.Parse("0195a000-0000-7000-8000-000000000002");
    private static readonly Guid Vodka = Guid.Parse("0195a000-0000-7000-8000-000000000003");
    private static readonly Guid Sale = Guid.Parse("0195a000-0000-7000-8000-000000000004");

    [Fact]
    public async Task Whole_unit_rows_gain_their_exact_volume_and_the_ledger_stays_append_only()
    {
        await using var source = NpgsqlDataSource.Create(await TestPostgres.CreateDatabaseAsync());
        var scripts = AppScripts();
        foreach (var (_, sql) in scripts.TakeWhile(s => string.CompareOrdinal(s.Name, "0013") < 0))
        {
            await ExecuteAsync(source, sql);
        }

        await ExecuteAsync(source, $"""
            INSERT INTO app.organizations (id, name, business_type) VALUES ('{Org}', 'Old Bar', 'bar');
            INSERT INTO app.locations (id, organization_id, name, timezone) VALUES ('{Bar}', '{Org}', 'Main', 'America/Chicago');
            INSERT INTO app.products (id, organization_id, sku, name, category, size_ml, abv, cost, price)
                VALUES ('{Vodka}', '{Org}', 'VOD-750', 'Vodka', 'spirits', 750, 40, 12.50, 28.00);
            INSERT INTO app.inventory (id, organization_id, location_id, product_id, quantity, par_level, reorder_point)
                VALUES ('{Guid.NewGuid()}', '{Org}', '{Bar}', '{Vodka}', 7, 6, 3);
            INSERT INTO app.transactions (id, organization_id, location_id, product_id, type, quantity, unit_price, total_amount, occurred_at)
                VALUES ('{Sale}', '{Org}', '{Bar}', '{Vodka}', 'sale', -2, 28.00, 56.00, '2026-06-01T22:00:00Z');
            """);

        foreach (var (_, sql) in scripts.SkipWhile(s => string.CompareOrdinal(s.Name, "0013") < 0))
        {
            await ExecuteAsync(source, sql);
        }

        await using var connection = await source.OpenConnectionAsync();
        Assert.Equal((7m, 5250m, 6m), await RowAsync<(decimal, decimal, decimal)>(connection, "SELECT quantity, volume_ml, par_level FROM app.inventory"));
        Assert.Equal((-2m, -1500m), await RowAsync<(decimal, decimal)>(connection, $"SELECT quantity, volume_ml FROM app.transactions WHERE id = '{Sale}'"));
        Assert.Equal(("bottle", 750m), await RowAsync<(string, decimal)>(connection, "SELECT unit, size_ml FROM app.products"));
        var refused = await Assert.ThrowsAsync<PostgresException>(() => ExecuteAsync(source, "UPDATE app.transactions SET volume_ml = 0"));
        Assert.Contains("append-only", refused.MessageText);
    }

    private static List<(string Name, string Sql)> AppScripts()
    {
        const string folder = ".Migrations.App.";
        var assembly = typeof(SchemaMigrator).Assembly;
        return assembly.GetManifestResourceNames()
            .Where(r => r.Contains(folder, StringComparison.Ordinal))
            .Order(StringComparer.Ordinal)
            .Select(r =>
            {
                using var reader = new StreamReader(assembly.GetManifestResourceStream(r)!);
                return (r[(r.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..], reader.ReadToEnd());
            })
            .ToList();
    }

    private static async Task ExecuteAsync(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await command.ExecuteNonQueryAsync();
    }

    private static async Task<T> RowAsync<T>(NpgsqlConnection connection, string sql)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync(), sql);
        var values = new object[reader.FieldCount];
        reader.GetValues(values);
        return (T)Activator.CreateInstance(typeof(T), values)!;
    }
}
