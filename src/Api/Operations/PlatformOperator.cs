using InventoryProFlow.Api.Identity;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Silo.Hosting;

namespace InventoryProFlow.Api.Operations;

/// <summary>
/// Who runs the platform: the admins, in person, of the operator's organisation (Operations:OperatorOrganizationId,
/// by default the demo organisation). They open the cluster dashboard and set organisations' tiers and statuses.
/// </summary>
public sealed class PlatformOperator(IConfiguration configuration)
{
    /// <summary>Read once, so a bad value stops start-up instead of the first operator's request.</summary>
    public Guid OrganizationId { get; } = ClusterDashboard.OperatorOrganizationId(configuration);

    public bool Is(CurrentUser caller) => !caller.IsClient && caller.Role == Roles.Admin && caller.OrganizationId == OrganizationId;
}
