using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Contracts.Webhooks;

/// <summary>
/// The manual redeliveries of one webhook in the current minute (<c>Webhooks:RedeliveriesPerMinute</c>): each one makes
/// the product send a request where an admin points it, so they are counted, once for the whole cluster.
/// </summary>
public interface IRedeliveryWindowGrain : IGrainWithStringKey
{
    /// <summary>Counts this redelivery, unless the minute's allowance is spent, and says whether it may go ahead.</summary>
    Task<RateLimitDecision> Attempt();
}
