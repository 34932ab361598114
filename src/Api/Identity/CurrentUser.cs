using System.Security.Claims;

namespace InventoryProFlow.Api.Identity;

/// <summary>Who is calling, read from a validated token. Every tenant-scoped call starts here.</summary>
public sealed record CurrentUser(Guid UserId, Guid OrganizationId, string Role)
{
    public InventoryProFlow.Contracts.Stock.Actor Actor => new(UserId, Role);

    /// <summary>The caller of an authenticated request; its token was checked by <see cref="TryFrom"/> when it was validated.</summary>
    public static CurrentUser From(ClaimsPrincipal principal) =>
        TryFrom(principal, out var user) ? user : throw new InvalidOperationException("The request has no validated caller.");

    public static bool TryFrom(ClaimsPrincipal principal, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out CurrentUser? user)
    {
        user = Guid.TryParse(principal.FindFirstValue(ClaimNames.Subject), out var userId)
            && Guid.TryParse(principal.FindFirstValue(ClaimNames.Organization), out var organizationId)
            && principal.FindFirstValue(ClaimNames.Role) is { } role && InventoryProFlow.Contracts.Identity.Roles.All.Contains(role)
                ? new CurrentUser(userId, organizationId, role)
                : null;
        return user is not null;
    }
}
