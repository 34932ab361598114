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
    public const string ComplianceReader = "compliance-reader";

    public static void Add(Microsoft.AspNetCore.Authorization.AuthorizationBuilder authorization) => authorization
        .AddPolicy(Admin, policy => policy.RequireRole(Roles.Admin))
        .AddPolicy(CatalogueWriter, policy => policy.RequireRole(Roles.Admin, Roles.Manager))
        .AddPolicy(ComplianceReader, policy => policy.RequireRole(Roles.Admin, Roles.Manager))
        .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
}
