namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// One change to write to the audit trail: what happened to which entity, and the entity before and after
/// (null when it did not exist before, or no longer exists after). Before and after are stored as JSON; pass
/// records a client may see (never password hashes, keys or secrets).
/// </summary>
public sealed record AuditChange(string Action, string EntityType, string EntityId, object? Before = null, object? After = null)
{
    /// <summary>A change named "{entityType}.{verb}", e.g. product.updated.</summary>
    public static AuditChange Of(string entityType, string verb, Guid entityId, object? before, object? after) =>
        new($"{entityType}.{verb}", entityType, entityId.ToString("D"), before, after);
}
