using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>
/// Pool settings the product runs best with unless the connection string says otherwise
/// (docs/PERFORMANCE.md has the runs behind each value).
/// </summary>
public static class ConnectionDefaults
{
    // A few connections per core keep PostgreSQL's backends from fighting over the CPU; a hundred (Npgsql's default) did.
    // The hot statements are few and fixed: prepared once per connection, they are not planned on every call.
    // Nothing of ours leaves session state on a connection (the migration lock is released explicitly),
    // so the reset Npgsql sends on every reuse is pure cost.
    private const string Defaults = "Maximum Pool Size=16;Max Auto Prepare=32;No Reset On Close=true";

    // Orleans' own tables (membership, reminders, grain state) see a few short queries a second: a small pool of their own,
    // named so an operator tells its connections from the product's in pg_stat_activity. Left alone it would be Npgsql's
    // default of 100 per process beside the product's, which a scaled-out cluster multiplies against max_connections.
    private const string OrleansDefaults = "Maximum Pool Size=8;Application Name=ipf-orleans";

    /// <summary>The configured string over the defaults: a setting it names, in any of Npgsql's spellings, wins.</summary>
    public static string Apply(string connectionString) => Over(Defaults, connectionString);

    /// <summary>The string Orleans' ADO.NET providers get: the configured one over <see cref="OrleansDefaults"/>.</summary>
    public static string ForOrleans(string connectionString) => Over(OrleansDefaults, connectionString);

    private static string Over(string defaults, string connectionString) =>
        new NpgsqlConnectionStringBuilder($"{defaults};{connectionString}").ConnectionString;
}
