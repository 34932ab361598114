using Npgsql;

namespace InventoryProFlow.Grains.Storage;

/// <summary>Recognises the database's answers that are a client's mistake, not a failure.</summary>
internal static class PostgresErrors
{
    public static bool IsUniqueViolation(this PostgresException error, string constraint) =>
        error.SqlState == PostgresErrorCodes.UniqueViolation && error.ConstraintName == constraint;
}
