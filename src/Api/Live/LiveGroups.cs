namespace InventoryProFlow.Api.Live;

/// <summary>SignalR group names; they carry the organisation, so no group is shared between tenants.</summary>
public static class LiveGroups
{
    public static string Location(Guid organizationId, Guid locationId) => $"location:{organizationId:D}:{locationId:D}";

    public static string Organization(Guid organizationId) => $"organization:{organizationId:D}";
}
