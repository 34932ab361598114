namespace InventoryProFlow.Contracts.Compliance;

/// <summary>
/// The names under which the Api puts the caller and the request id into Orleans' RequestContext, which flows
/// into every grain call of the request; the audit trail reads them there, so no grain method needs them as arguments.
/// </summary>
public static class CallerContext
{
    public const string UserId = "ipf.userId";
    public const string RequestId = "ipf.requestId";

    /// <summary>The request's W3C traceparent, so a grain's log lines carry the trace id of the request that caused them.</summary>
    public const string TraceParent = "ipf.traceparent";
}
