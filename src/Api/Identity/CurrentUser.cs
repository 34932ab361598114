using System.Security.Claims;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>
/// Who is calling, read from a validated token: a person (with a role, whose scopes follow from it) or an
/// integration client (no role; the scopes an admin gave it). Every tenant-scoped call starts here.
/// </summary>
public sealed record CurrentUser(Guid UserId, Guid OrganizationId, string Role, IReadOnlyList<string> Scopes)
{
    /// <summary>The role name an integration client acts under in the ledger and the logs.</summary>
    public const string ClientRole = "integration";

    public bool IsClient => Role == ClientRole;

    /// <summary>Who recorded a movement: a client is no user, so the ledger names none and records the role.</summary>
    public InventoryProFlow.Contracts.Stock.Actor Actor => new(IsClient ? null : UserId, Role);

    /// <summary>The caller of an authenticated request; its token was checked by <see cref="TryFrom"/> when it was validated.</summary>
    public static CurrentUser From(ClaimsPrincipal principal) =>
        TryFrom(principal, out var user) ? user : throw new InvalidOperationException("The request has no validated caller.");

    public static bool TryFrom(ClaimsPrincipal principal, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CurrentUser? user)
    {
        user = null;
        if (!Guid.TryParse(principal.FindFirstValue(ClaimNames.Subject), out var subject)
            || !Guid.TryParse(principal.FindFirstValue(ClaimNames.Organization), out var organizationId))
        {
            return false;
        }

        if (principal.FindFirstValue(ClaimNames.ClientId) is { } clientId)
        {
            var granted = (principal.FindFirstValue(ClaimNames.Scope) ?? string.Empty).Split(' ', StringSplitOptions.RemoveEmptyEntries);
            // A client's scopes are only ever the ones a client may hold, whatever a token claims.
            user = clientId == subject.ToString()
                ? new CurrentUser(subject, organizationId, ClientRole, granted.Where(InventoryProFlow.Contracts.Identity.Scopes.ForClients.Contains).ToList())
                : null;
            return user is not null;
        }

        // A person's scopes follow from the role, so a role change takes effect with the next token.
        user = principal.FindFirstValue(ClaimNames.Role) is { } role && Roles.All.Contains(role)
            ? new CurrentUser(subject, organizationId, role, InventoryProFlow.Contracts.Identity.Scopes.OfRole(role))
            : null;
        return user is not null;
    }
}
