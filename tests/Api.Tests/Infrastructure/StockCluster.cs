using Dapper;
using InventoryProFlow.Grains.Storage;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Orleans.TestingHost;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The stock grains alone on Orleans' in-process test cluster (Microsoft.Orleans.TestingHost), over a fresh real
/// PostgreSQL: no Api, no HTTP, so a grain's rules are tested where they live. One organisation with a bar, a
/// closed location and three products is written straight to the database.
/// </summary>
public class StockCluster : IAsyncLifetime
{
    private InProcessTestCluster? _cluster;
    private string _connectionString = string.Empty;

    public IGrainFactory Grains => _cluster!.Client;

    public Database Database { get; private set; } = null!;

    public Guid OrganizationId { get; } = Guid.NewGuid();

    public Guid Bar { get; } = Guid.NewGuid();

    public Guid Closed { get; } = Guid.NewGuid();

    /// <summary>How many silos the cluster has.</summary>
    protected virtual int Silos => 1;

    public async Task InitializeAsync()
    {
        var connectionString = _connectionString = await TestPostgres.CreateDatabaseAsync();
        Database = new Database(connectionString);
        await using (var dataSource = NpgsqlDataSource.Create(connectionString))
        {
            await new SchemaMigrator(new DatabaseSettings(connectionString), NullLogger<SchemaMigrator>.Instance).MigrateAsync();
            await using var connection = await dataSource.OpenConnectionAsync();
            var now = DateTime.UtcNow;
            await connection.ExecuteAsync(
                "INSERT INTO app.organizations (id, name, business_type, created_at, updated_at) VALUES (@OrganizationId, 'Grain test bar', 'bar', @now, @now)",
                new { OrganizationId, now });
            await connection.ExecuteAsync(
                "INSERT INTO app.locations (id, organization_id, name, location_type, timezone, is_active, created_at, updated_at) " +
                "VALUES (@Bar, @OrganizationId, 'Bar', 'bar', 'America/Chicago', true, @now, @now), (@Closed, @OrganizationId, 'Closed', 'bar', 'America/Chicago', false, @now, @now)",
                new { Bar, Closed, OrganizationId, now });
        }

        var builder = new InProcessTestClusterBuilder((short)Silos);
        builder.ConfigureSiloHost((_, host) =>
        {
            host.Configuration["Secrets:KeyEncryptionKey"] = TestSecrets.KeyEncryptionKey;
            host.Services.AddGrainServices(connectionString);
        });
        _cluster = builder.Build();
        await _cluster.DeployAsync();
    }

    /// <summary>Another open bar of this organisation.</summary>
    public async Task<Guid> LocationAsync(string name)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.ExecuteAsync(
            "INSERT INTO app.locations (id, organization_id, name, location_type, timezone, is_active, created_at, updated_at) " +
            "VALUES (@id, @OrganizationId, @name, 'bar', 'America/Chicago', true, now(), now())",
            new { id, OrganizationId, name });
        return id;
    }

    /// <summary>A 750 ml bottle of this organisation, with its cost and price.</summary>
    public async Task<Guid> ProductAsync(string sku, decimal cost = 18m, decimal price = 30m)
    {
        var id = Guid.NewGuid();
        await using var connection = new NpgsqlConnection(_connectionString);
        await connection.ExecuteAsync(
            "INSERT INTO app.products (id, organization_id, sku, name, category, size_ml, abv, cost, price, created_at, updated_at) " +
            "VALUES (@id, @OrganizationId, @sku, @sku, 'spirits', 750, 40, @cost, @price, now(), now())",
            new { id, OrganizationId, sku, cost, price });
        return id;
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null)
        {
            await _cluster.DisposeAsync();
        }
    }
}
