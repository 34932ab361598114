using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Puts the request id and the signed-in caller into Orleans' RequestContext, which travels with every grain call
/// the request makes, so the audit trail records who changed what in which request without every grain method
/// taking them as arguments. Runs after authentication (it needs the caller) and after RequestIdMiddleware.
/// </summary>
public sealed class CallerContextMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        RequestContext.Set(CallerContext.RequestId, context.TraceIdentifier);
        if (System.Diagnostics.Activity.Current is { IdFormat: System.Diagnostics.ActivityIdFormat.W3C, Id: { } traceParent })
        {
            RequestContext.Set(CallerContext.TraceParent, traceParent);
        }

        if (CurrentUser.TryFrom(context.User, out var caller))
        {
            RequestContext.Set(CallerContext.UserId, caller.UserId);
        }

        try
        {
            await next(context);
        }
        finally
        {
            // The values live in this request's async flow only; clearing them keeps a reused context from carrying them on.
            RequestContext.Remove(CallerContext.RequestId);
            RequestContext.Remove(CallerContext.UserId);
            RequestContext.Remove(CallerContext.TraceParent);
        }
    }
}
