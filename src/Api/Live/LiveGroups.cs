namespace InventoryProFlow.Api.Live;

/// <summary>
/// SignalR group names, one per place and event kind: a connection joins only the kinds its scopes may hear, so the
/// node sends each event to exactly those allowed and filters nothing per connection. Names carry the organisation, so
/// no group is shared between tenants.
/// </summary>
public static class LiveGroups
{
    public static string Location(Guid organizationId, Guid locationId, string kind) => $"location:{organizationId:D}:{locationId:D}:{kind}";

    public static string Organization(Guid organizationId, string kind) => $"organization:{organizationId:D}:{kind}";
}
