using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Who may do what: reading is for every signed-in role; changing the catalogue and reading compliance records
/// (the audit trail) is for managers up.
/// </summary>
public static class Policies
{
    public const string Admin = "admin";
    public const string CatalogueWriter = "catalogue-writer";

    /// <summary>Licences, alerts, reports and the audit trail: owners and managers, not staff.</summary>
    public const string ComplianceReader = "compliance-reader";

    /// <summary>Sales figures, forecasts and what to order: owners and managers, not staff.</summary>
    public const string AnalyticsReader = "analytics-reader";

    /// <summary>Recording licences and generating or submitting reports: the owner, who answers to the regulator.</summary>
    public const string ComplianceWriter = "compliance-writer";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) => authorization
        .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
        .AddPolicy(CatalogueWriter, policy => policy.RequireRole(Roles.Admin, Roles.Manager))
        .AddPolicy(ComplianceReader, policy => policy.RequireRole(Roles.Admin, Roles.Manager))
        .AddPolicy(ComplianceWriter, policy => policy.RequireRole(Roles.Admin))
        .AddPolicy(AnalyticsReader, policy => policy.RequireRole(Roles.Admin, Roles.Manager))
        .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
