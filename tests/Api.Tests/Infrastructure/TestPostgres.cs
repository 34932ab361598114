using System.Diagnostics;
using Npgsql;

namespace InventoryProFlow.Api.Tests.Infrastructure;

/// <summary>
/// The real PostgreSQL the tests use: the one `make test` started (IPF_TEST_POSTGRES), or, when a
/// developer runs `dotnet test` alone, one started here by scripts/pg.sh under build/test-pg.
/// Every product host gets a database of its own.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(FindOrStart, LazyThreadSafetyMode.ExecutionAndPublication);

    public static string ServerConnectionString => Server.Value;

    public static async Task<string> CreateDatabaseAsync()
    {
        var name = "ipf_test_" + Guid.NewGuid().ToString("N")[..12];
        await using (var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server.Value) { Database = "postgres" }.ConnectionString))
        {
            await connection.OpenAsync();
            await using var create = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
            await create.ExecuteNonQueryAsync();
        }

        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString;
    }

    private static string FindOrStart()
    {
        if (Environment.GetEnvironmentVariable("IPF_TEST_POSTGRES") is { Length: > 0 } given)
        {
            return given;
        }

        var root = RepositoryRoot();
        var start = Process.Start(new ProcessStartInfo("bash", ["scripts/pg.sh", "start", Path.Combine(root, "build", "test-pg")])
        {
            WorkingDirectory = root,
            RedirectStandardOutput = true,
        })!;
        var output = start.StandardOutput.ReadToEnd();
        start.WaitForExit();
        if (start.ExitCode != 0)
        {
            throw new InvalidOperationException("scripts/pg.sh could not start a test PostgreSQL; see its messages above.");
        }

        return output.Trim().Split('\n')[^1];
    }

    public static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "InventoryProFlow.sln")))
        {
            folder = folder.Parent;
        }

        return folder?.FullName ?? throw new InvalidOperationException("Cannot find the repository root above " + AppContext.BaseDirectory);
    }
}
