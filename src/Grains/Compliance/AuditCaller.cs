using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>Who made the change and in which request, as the Api put them into the call's RequestContext.</summary>
public sealed record AuditCaller(Guid? UserId, string? RequestId)
{
    /// <summary>The caller of the grain call being served; nobody (a system change) outside a request.</summary>
    public static AuditCaller Current => new(
        RequestContext.Get(CallerContext.UserId) is Guid userId ? userId : null,
        RequestContext.Get(CallerContext.RequestId) as string);
}
