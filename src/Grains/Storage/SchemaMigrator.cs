using System.Reflection;
using DbUp;
using DbUp.Engine;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// Applies the versioned migrations once, at start-up: Orleans' own scripts first (its tables must
/// exist before a silo starts), then ours. Several processes may start together, so an advisory lock
/// lets one migrate while the others wait.
/// </summary>
public sealed class SchemaMigrator(DatabaseSettings settings, ILogger<SchemaMigrator> logger)
{
    // Orleans' README orders its scripts; the names are theirs, unchanged.
    private static readonly string[] OrleansScriptOrder =
    [
        "PostgreSQL-Main.sql",
        "PostgreSQL-Clustering.sql",
        "PostgreSQL-Clustering-AtomicWrites.sql",
        "PostgreSQL-Persistence.sql",
        "PostgreSQL-Reminders.sql",
        "PostgreSQL-Streaming.sql",
        "PostgreSQL-GrainDirectory.sql",
    ];

    private const long MigrationLockKey = 0x1_9F_2026;

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        // Not the product's pool: its statement timeout would cut short a node waiting for another's long migration.
        await using var connection = new NpgsqlConnection(StatementTimeouts.ForMigrations(settings.ConnectionString));
        await connection.OpenAsync(cancellationToken);
        await using (var take = new NpgsqlCommand($"SELECT pg_advisory_lock({MigrationLockKey})", connection))
        {
            await take.ExecuteNonQueryAsync(cancellationToken);
        }

        try
        {
            // Orleans' scripts manage their own transactions (AtomicWrites has BEGIN/COMMIT); ours each run in one.
            Upgrade(OrleansScripts(), transactional: false);
            Upgrade(AppScripts(), transactional: true);
        }
        finally
        {
            await using var release = new NpgsqlCommand($"SELECT pg_advisory_unlock({MigrationLockKey})", connection);
            await release.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private void Upgrade(IEnumerable<SqlScript> scripts, bool transactional)
    {
        var builder = DeployChanges.To
            .PostgresqlDatabase(StatementTimeouts.ForMigrations(settings.ConnectionString))
            .WithScripts(scripts)
            .JournalToPostgresqlTable("public", "schema_versions")
            .WithVariablesDisabled()
            .LogTo(new DbUpLog(logger));
        var result = (transactional ? builder.WithTransactionPerScript() : builder.WithoutTransaction()).Build().PerformUpgrade();
        if (!result.Successful)
        {
            throw new InvalidOperationException($"Migration {result.ErrorScript?.Name} failed.", result.Error);
        }
    }

    private static IEnumerable<SqlScript> OrleansScripts()
    {
        var resources = Assembly.GetManifestResourceNames();
        var order = 0;
        foreach (var file in OrleansScriptOrder)
        {
            yield return Load(resources.Single(r => r.EndsWith(".Orleans." + file, StringComparison.Ordinal)), "orleans/" + file, order++);
        }
    }

    private static IEnumerable<SqlScript> AppScripts()
    {
        const string folder = ".Migrations.App.";
        var order = 0;
        foreach (var resource in Assembly.GetManifestResourceNames().Where(r => r.Contains(folder, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
        {
            yield return Load(resource, "app/" + resource[(resource.IndexOf(folder, StringComparison.Ordinal) + folder.Length)..], order++);
        }
    }

    private static Assembly Assembly => typeof(SchemaMigrator).Assembly;

    private static SqlScript Load(string resource, string name, int order)
    {
        using var stream = Assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return new SqlScript(name, reader.ReadToEnd(), new DbUp.Engine.SqlScriptOptions { RunGroupOrder = order });
    }

    // DbUp formats with string.Format placeholders, not message templates.
    private sealed class DbUpLog(ILogger logger) : DbUp.Engine.Output.IUpgradeLog
    {
        public void LogTrace(string format, params object[] args) => logger.LogTrace("{Migration}", Text(format, args));

        public void LogDebug(string format, params object[] args) => logger.LogDebug("{Migration}", Text(format, args));

        public void LogInformation(string format, params object[] args) => logger.LogInformation("{Migration}", Text(format, args));

        public void LogWarning(string format, params object[] args) => logger.LogWarning("{Migration}", Text(format, args));

        public void LogError(string format, params object[] args) => logger.LogError("{Migration}", Text(format, args));

        public void LogError(Exception ex, string format, params object[] args) => logger.LogError(ex, "{Migration}", Text(format, args));

        private static string Text(string format, object[] args) => string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args);
    }
}
