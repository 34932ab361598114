using System.Globalization;
using System.Security.Claims;
using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Api.Identity;

/// <summary>Who holds a signed-in token, as the organisation's gate needs it to judge whether the token still stands.</summary>
public static class TokenHolderClaims
{
    // A token without a stamp was issued before stamps existed, when every user's stamp was 0; an unreadable one matches none.
    public static TokenHolder Of(ClaimsPrincipal principal, CurrentUser caller) =>
        new(
            caller.UserId,
            caller.IsClient,
            principal.FindFirst(ClaimNames.SecurityStamp)?.Value is not { } value ? 0
                : int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var stamp) ? stamp : -1);
}
