using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Identity;

/// <summary>
/// An organisation's subscription and this hour's API calls, as its gate counts them: the numbers the X-RateLimit-*
/// headers of its last answer carried. <see cref="CallsPerHour"/> and <see cref="Remaining"/> are null for an
/// unlimited tier; <see cref="CallsThisHour"/> counts every call let through in the window, limited or not.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.OrganizationUsage.v1")]
public sealed record OrganizationUsage(
    [property: Id(0)] Guid OrganizationId,
    [property: Id(1)] string SubscriptionTier,
    [property: Id(2)] string SubscriptionStatus,
    [property: Id(3)] int? CallsPerHour,
    [property: Id(4)] int CallsThisHour,
    [property: Id(5)] int? Remaining,
    [property: Id(6)] DateTimeOffset WindowStartedAt,
    [property: Id(7)] DateTimeOffset ResetsAt);

/// <summary>The platform operator's change to an organisation's subscription: fields left out (null) keep their value.</summary>
[GenerateSerializer, Immutable, Alias("ipf.SubscriptionChange.v1")]
public sealed record SubscriptionChange(
    [property: Id(0)] string? SubscriptionTier = null,
    [property: Id(1)] string? SubscriptionStatus = null);

/// <summary>One organisation as the platform operator lists it: who it is, what it pays for, and this hour's calls.</summary>
[GenerateSerializer, Immutable, Alias("ipf.OrganizationSubscription.v1")]
public sealed record OrganizationSubscription(
    [property: Id(0)] Guid Id,
    [property: Id(1)] string Name,
    [property: Id(2)] string? Email,
    [property: Id(3)] DateTime CreatedAt,
    [property: Id(4)] OrganizationUsage Usage);

/// <summary>Every organisation of the platform, for its operator. Stateless: the rows and the gates hold the facts.</summary>
public interface ISubscriptionsGrain : IGrainWithStringKey
{
    /// <summary>Organisations by name, with their tier, status and this hour's usage; <paramref name="status"/> filters when given.</summary>
    Task<Page<OrganizationSubscription>> List(PageRequest page, string? status);
}
