using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// How long a mailed link works: a sign-up's verification link (Identity:VerificationLinkHours, 24 by default) and an
/// invitation (Identity:InvitationLinkDays, 7 by default). A waiting sign-up is kept for <see cref="SignUpKeptFor"/>
/// after it was last asked for, so its owner can ask for a new link; then it is forgotten.
/// </summary>
public sealed record AccountLinkSettings(TimeSpan VerificationLink, TimeSpan Invitation)
{
    public static readonly TimeSpan SignUpKeptFor = TimeSpan.FromDays(7);

    public static AccountLinkSettings From(IConfiguration configuration)
    {
        var hours = configuration.GetValue("Identity:VerificationLinkHours", 24.0);
        var days = configuration.GetValue("Identity:InvitationLinkDays", 7.0);
        if (hours <= 0 || days <= 0)
        {
            throw new InvalidOperationException("Identity:VerificationLinkHours and Identity:InvitationLinkDays must be positive.");
        }

        return new AccountLinkSettings(TimeSpan.FromHours(hours), TimeSpan.FromDays(days));
    }
}
