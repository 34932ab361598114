using System.Globalization;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// How long PostgreSQL lets one statement of ours run before it cancels it (<c>statement_timeout</c>, set for every
/// session through the connection's startup options): <c>Database:StatementTimeoutSeconds</c> (30) for the product's
/// pool, <c>Database:ReportStatementTimeoutSeconds</c> (120) for the reports pool (ledger scans of up to two or three
/// years, verifications, exports), none for migrations, which may rewrite a whole table. 0 means no limit. A statement
/// that runs past its limit is cancelled by the server, whose backend is then free, rather than only abandoned by the
/// client; the caller is answered 503 QUERY_TIMEOUT. A <c>statement_timeout</c> the connection string's own Options
/// name wins.
/// </summary>
public sealed record StatementTimeouts(int ProductSeconds, int ReportSeconds, int ReportPoolSize)
{
    /// <summary>The DI key of the reports pool: <c>[FromKeyedServices(StatementTimeouts.Reports)] NpgsqlDataSource</c>.</summary>
    public const string Reports = "reports";

    public static StatementTimeouts Default { get; } = new(30, 120, 4);

    public static StatementTimeouts From(IConfiguration configuration)
    {
        var section = configuration.GetSection("Database");
        return new StatementTimeouts(
            Whole(section, "StatementTimeoutSeconds", Default.ProductSeconds, 0),
            Whole(section, "ReportStatementTimeoutSeconds", Default.ReportSeconds, 0),
            Whole(section, "ReportPoolSize", Default.ReportPoolSize, 1));
    }

    /// <summary>The product's pool: its defaults, the configured string, then the statement timeout.</summary>
    public string ForProduct(string connectionString) => Limited(ConnectionDefaults.Apply(connectionString), ProductSeconds);

    /// <summary>
    /// The reports pool: a few connections of their own (named ipf-reports in pg_stat_activity), so long scans neither
    /// wait behind nor crowd out the short statements of sales and counts, and a longer statement timeout.
    /// </summary>
    public string ForReports(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(Limited(ConnectionDefaults.Apply(connectionString), ReportSeconds))
        {
            MaxPoolSize = ReportPoolSize,
            ApplicationName = "ipf-reports",
        };
        builder.MinPoolSize = Math.Min(builder.MinPoolSize, ReportPoolSize);
        return builder.ConnectionString;
    }

    /// <summary>Migrations run without a statement timeout: one may rewrite the ledger, and a node waits for another's.</summary>
    public static string ForMigrations(string connectionString) => WithTimeout(new NpgsqlConnectionStringBuilder(connectionString), 0, replace: true);

    private static string Limited(string connectionString, int seconds)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        // The client's own timeout (Npgsql's Command Timeout, 30 s by default) is set past the server's, so the server cancels
        // first and says why (57014), unless the connection string sets one.
        if (!connectionString.Contains("Command Timeout", StringComparison.OrdinalIgnoreCase) && !connectionString.Contains("CommandTimeout", StringComparison.OrdinalIgnoreCase))
        {
            builder.CommandTimeout = seconds == 0 ? 0 : seconds + 5;
        }

        return WithTimeout(builder, seconds, replace: false);
    }

    private static string WithTimeout(NpgsqlConnectionStringBuilder builder, int seconds, bool replace)
    {
        var options = builder.Options ?? string.Empty;
        if (options.Contains("statement_timeout", StringComparison.OrdinalIgnoreCase) && !replace)
        {
            return builder.ConnectionString;
        }

        // A later -c of the same setting wins, so one appended after the configured options overrides theirs.
        builder.Options = $"{options} -c statement_timeout={(seconds * 1000).ToString(CultureInfo.InvariantCulture)}".Trim();
        return builder.ConnectionString;
    }

    private static int Whole(IConfigurationSection section, string name, int fallback, int least)
    {
        var text = section[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= least
            ? value
            : throw new InvalidOperationException($"Database:{name} is '{text}': use a whole number of {least} or more.");
    }
}
