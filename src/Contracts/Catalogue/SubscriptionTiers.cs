namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>An organisation's subscription_tier: what it pays for decides its hourly API calls and whether it may keep an IP allow-list.</summary>
public static class SubscriptionTiers
{
    public const string Starter = "starter";
    public const string Professional = "professional";
    public const string Enterprise = "enterprise";

    public static IReadOnlyList<string> All { get; } = [Starter, Professional, Enterprise];
}
