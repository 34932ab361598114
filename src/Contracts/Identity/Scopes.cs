namespace InventoryProFlow.Contracts.Identity;

/// <summary>
/// The seed's OAuth 2.0 scopes. People get theirs from their role; integration clients get the ones an admin chose.
/// admin:all stands for every scope.
/// </summary>
public static class Scopes
{
    public const string InventoryRead = "inventory:read";
    public const string InventoryWrite = "inventory:write";
    public const string SalesRead = "sales:read";
    public const string SalesWrite = "sales:write";
    public const string ComplianceRead = "compliance:read";
    public const string ComplianceWrite = "compliance:write";
    public const string AnalyticsRead = "analytics:read";
    public const string AdminAll = "admin:all";

    public static IReadOnlyList<string> All { get; } =
        [InventoryRead, InventoryWrite, SalesRead, SalesWrite, ComplianceRead, ComplianceWrite, AnalyticsRead, AdminAll];

    /// <summary>
    /// What an integration client may be given: compliance:write (generating and submitting a report to the regulator)
    /// and admin:all (users, keys, webhooks) are acts a named person answers for.
    /// </summary>
    public static IReadOnlyList<string> ForClients { get; } =
        [InventoryRead, InventoryWrite, SalesRead, SalesWrite, ComplianceRead, AnalyticsRead];

    /// <summary>The scopes a role carries: staff count and sell, managers also see compliance and figures, admins everything.</summary>
    public static IReadOnlyList<string> OfRole(string role) => role switch
    {
        Roles.Admin => All,
        Roles.Manager => [InventoryRead, InventoryWrite, SalesRead, SalesWrite, ComplianceRead, AnalyticsRead],
        Roles.Staff => [InventoryRead, InventoryWrite, SalesRead, SalesWrite],
        _ => [],
    };

    /// <summary>Whether a holder of <paramref name="granted"/> may act under <paramref name="needed"/>.</summary>
    public static bool Allows(IReadOnlyCollection<string> granted, string needed) =>
        granted.Contains(needed) || granted.Contains(AdminAll);
}
