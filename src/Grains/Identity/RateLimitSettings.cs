using System.Globalization;
using InventoryProFlow.Contracts.Catalogue;
using Microsoft.Extensions.Configuration;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// The rate limits (configuration section "RateLimits"), read by the silos, where the counting happens: attempts
/// per minute at the sign-in routes, per client address and per account, signed-in API calls per organisation
/// per hour by subscription tier, and POS sale lines per minute per key (an integration's API key or client) and per
/// organisation. Each is a positive whole number or "unlimited" (null here).
/// </summary>
public sealed record RateLimitSettings(
    int? SignInAttemptsPerMinute,
    int? StarterCallsPerHour,
    int? ProfessionalCallsPerHour,
    int? EnterpriseCallsPerHour,
    int? PosLinesPerMinutePerKey = null,
    int? PosLinesPerMinutePerOrganization = null)
{
    public const string Unlimited = "unlimited";

    // POS lines: the ledger of one 2-core node writes about 3,000 sale lines a second (docs/PERFORMANCE.md); one
    // organisation may use a sixth of that, one key a fifteenth, and a push of 1,000 sales of 12 lines still fits.
    public static RateLimitSettings Default { get; } = new(5, 1_000, 5_000, null, 12_000, 30_000);

    public static RateLimitSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection("RateLimits");
        return new RateLimitSettings(
            Limit(section, nameof(SignInAttemptsPerMinute), Default.SignInAttemptsPerMinute),
            Limit(section, nameof(StarterCallsPerHour), Default.StarterCallsPerHour),
            Limit(section, nameof(ProfessionalCallsPerHour), Default.ProfessionalCallsPerHour),
            Limit(section, nameof(EnterpriseCallsPerHour), Default.EnterpriseCallsPerHour),
            Limit(section, nameof(PosLinesPerMinutePerKey), Default.PosLinesPerMinutePerKey),
            Limit(section, nameof(PosLinesPerMinutePerOrganization), Default.PosLinesPerMinutePerOrganization));
    }

    /// <summary>The hour's allowance of a tier; a tier this code does not know gets the smallest, starter's.</summary>
    public int? CallsPerHour(string subscriptionTier) => subscriptionTier switch
    {
        SubscriptionTiers.Enterprise => EnterpriseCallsPerHour,
        SubscriptionTiers.Professional => ProfessionalCallsPerHour,
        _ => StarterCallsPerHour,
    };

    internal static int? Limit(IConfigurationSection section, string name, int? fallback)
    {
        var text = section[name]?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (text.Equals(Unlimited, StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var limit) && limit > 0
            ? limit
            : throw new InvalidOperationException($"RateLimits:{name} is '{text}': use a whole number above 0, or '{Unlimited}'.");
    }
}
