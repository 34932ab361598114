using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Authorization;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Who may do what. Every endpoint names one of these; each needs scopes (people have their role's, integration
/// clients the ones an admin chose), some also a role among people, and some a person at all. The OpenAPI document
/// states each endpoint's guard, and the security tests read it from there.
/// </summary>
public static class Policies
{
    /// <summary>The catalogue, stock, locations and the organisation: everyone who works there.</summary>
    public const string InventoryReader = "inventory-reader";

    /// <summary>Counts, receiving, transfers, adjustments, waste and comps: staff up.</summary>
    public const string StockKeeper = "stock-keeper";

    /// <summary>Products, suppliers, what a location carries and its par levels: managers up (and clients with inventory:write).</summary>
    public const string CatalogueWriter = "catalogue-writer";

    /// <summary>The ledger, which shows sales and their money beside stock movements.</summary>
    public const string LedgerReader = "ledger-reader";

    /// <summary>Ringing up a sale.</summary>
    public const string SalesWriter = "sales-writer";

    /// <summary>The people of the organisation: managers and admins see them.</summary>
    public const string TeamReader = "team-reader";

    /// <summary>Licences, alerts, reports and the audit trail: owners and managers, not staff.</summary>
    public const string ComplianceReader = "compliance-reader";

    /// <summary>Marking a compliance alert seen: a person who reads compliance, named on the alert.</summary>
    public const string ComplianceAcknowledger = "compliance-acknowledger";

    /// <summary>Recording licences and generating or submitting reports: the owner, who answers to the regulator.</summary>
    public const string ComplianceWriter = "compliance-writer";

    /// <summary>Reopening a filed period to record what was missed: a manager or admin, in person, who reads compliance.</summary>
    public const string PeriodReopener = "period-reopener";

    /// <summary>Sales figures, forecasts and what to order: owners and managers, not staff.</summary>
    public const string AnalyticsReader = "analytics-reader";

    /// <summary>Users, locations, integrations, webhooks, keys: the organisation's admin, in person.</summary>
    public const string Admin = "admin";

    /// <summary>A person's own account (their password): every role, never a client, which has no password.</summary>
    public const string OwnAccount = "own-account";

    /// <summary>Every guard by name: what ASP.NET Core enforces and what the OpenAPI document states.</summary>
    public static IReadOnlyDictionary<string, Guard> Guards { get; } = new Dictionary<string, Guard>
    {
        [InventoryReader] = new([Scopes.InventoryRead]),
        [StockKeeper] = new([Scopes.InventoryWrite]),
        [CatalogueWriter] = new([Scopes.InventoryWrite], [Roles.Admin, Roles.Manager]),
        [LedgerReader] = new([Scopes.InventoryRead, Scopes.SalesRead]),
        [SalesWriter] = new([Scopes.SalesWrite]),
        [TeamReader] = new([Scopes.InventoryRead], [Roles.Admin, Roles.Manager], PeopleOnly: true),
        [ComplianceReader] = new([Scopes.ComplianceRead]),
        [ComplianceAcknowledger] = new([Scopes.ComplianceRead], PeopleOnly: true),
        [ComplianceWriter] = new([Scopes.ComplianceWrite], PeopleOnly: true),
        [PeriodReopener] = new([Scopes.ComplianceRead], [Roles.Admin, Roles.Manager], PeopleOnly: true),
        [AnalyticsReader] = new([Scopes.AnalyticsRead]),
        [Admin] = new([Scopes.AdminAll], [Roles.Admin], PeopleOnly: true),
        [OwnAccount] = new([Scopes.InventoryRead], PeopleOnly: true),
    };

    public static void Add(AuthorizationBuilder authorization)
    {
        foreach (var (name, guard) in Guards)
        {
            authorization.AddPolicy(name, policy => policy.RequireAuthenticatedUser().AddRequirements(guard));
        }

        // An endpoint that names no guard still needs a signed-in caller; the security tests refuse such an endpoint.
        authorization.SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
    }
}

/// <summary>
/// What an endpoint needs: every one of <paramref name="Scopes"/>; of a person, one of <paramref name="Roles"/> when given;
/// and no integration client at all when <paramref name="PeopleOnly"/>.
/// </summary>
public sealed record Guard(IReadOnlyList<string> Scopes, IReadOnlyList<string>? Roles = null, bool PeopleOnly = false)
    : IAuthorizationRequirement
{
    public bool Admits(CurrentUser caller) =>
        Scopes.All(scope => InventoryProFlow.Contracts.Identity.Scopes.Allows(caller.Scopes, scope))
        && (caller.IsClient ? !PeopleOnly : Roles is null || Roles.Contains(caller.Role));
}

/// <summary>Checks a <see cref="Guard"/> against the caller read from the token.</summary>
public sealed class GuardHandler : AuthorizationHandler<Guard>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, Guard requirement)
    {
        if (CurrentUser.TryFrom(context.User, out var caller) && requirement.Admits(caller))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
