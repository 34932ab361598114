using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Validation;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Identity;

/// <summary>Every organisation of the platform with its tier, status and this hour's calls, for the platform operator.</summary>
[StatelessWorker]
public sealed class SubscriptionsGrain(SubscriptionRepository subscriptions) : Grain, ISubscriptionsGrain
{
    public async Task<Page<OrganizationSubscription>> List(PageRequest page, string? status)
    {
        new Violations().OneOf("status", status, SubscriptionStatuses.All).ThrowIfAny();
        var organizations = await subscriptions.List(page, status);
        // Each gate holds its organisation's hour; a page is at most PageRequest.MaxLimit of them, asked side by side.
        var usage = await Task.WhenAll(organizations.Items.Select(o => GrainFactory.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(o.Id)).Usage()));
        return new Page<OrganizationSubscription>(
            organizations.Items.Select((o, i) => new OrganizationSubscription(o.Id, o.Name, o.Email, o.CreatedAt, usage[i])).ToList(),
            organizations.PageNumber,
            organizations.Limit,
            organizations.Total);
    }
}
