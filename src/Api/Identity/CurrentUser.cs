using System.Security.Claims;

namespace InventoryProFlow.Api.Identity;

/// <summary>Who is calling, read from a validated token. Every tenant-scoped call starts here.</summary>
public sealed record CurrentUser(Guid UserId, Guid OrganizationId, string Role)
{
    public InventoryProFlow.Contracts.Stock.Actor Actor => new(UserId, Role);

    public static CurrentUser From(ClaimsPrincipal principal) => new(
        Guid.Parse(principal.FindFirstValue(ClaimNames.Subject)!),
        Guid.Parse(principal.FindFirstValue(ClaimNames.Organization)!),
        principal.FindFirstValue(ClaimNames.Role)!);
}
