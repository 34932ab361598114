namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// A change with its caller captured where it was decided, for a writer that runs outside the request's async flow
/// (the ledger's group commit), where RequestContext no longer says who asked.
/// </summary>
public sealed record AuditedChange(AuditChange Change, AuditCaller Caller)
{
    /// <summary>The change, made by the caller of the grain call being served.</summary>
    public static AuditedChange ByCurrentCaller(AuditChange change) => new(change, AuditCaller.Current);
}
