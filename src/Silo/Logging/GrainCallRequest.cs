using System.Diagnostics;
using InventoryProFlow.Contracts.Compliance;
using Serilog.Core;
using Serilog.Events;

namespace InventoryProFlow.Silo.Logging;

/// <summary>
/// A grain runs outside the HTTP request's async flow, so its log lines have no activity of their own; the Api puts
/// the request id and traceparent into the call's RequestContext, and this names them on the grain's lines.
/// </summary>
public sealed class GrainCallRequest : ILogEventEnricher
{
    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        if (RequestContext.Get(CallerContext.RequestId) is string requestId)
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("GrainRequestId", requestId));
        }

        if (logEvent.TraceId is null && RequestContext.Get(CallerContext.TraceParent) is string traceParent
            && ActivityContext.TryParse(traceParent, null, out var caller))
        {
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("GrainTraceId", caller.TraceId.ToHexString()));
            logEvent.AddPropertyIfAbsent(propertyFactory.CreateProperty("GrainSpanId", caller.SpanId.ToHexString()));
        }
    }
}
