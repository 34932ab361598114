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

    /// <summary>The configured string over the defaults: a setting it names, in any of Npgsql's spellings, wins.</summary>
    public static string Apply(string connectionString) =>
        new NpgsqlConnectionStringBuilder($"{Defaults};{connectionString}").ConnectionString;
}
