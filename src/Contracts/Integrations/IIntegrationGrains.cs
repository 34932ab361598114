using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Contracts.Integrations;

/// <summary>An organisation's integrations and its queue of unmapped POS lines.</summary>
public interface IIntegrationsGrain : IGrainWithStringKey
{
    Task<IssuedIntegration> Create(string? name, string? kind, Guid createdBy);

    Task<Page<IntegrationDetails>> List(PageRequest page);

    Task Revoke(Guid integrationId);

    Task<Page<UnmappedItem>> Unmapped(PageRequest page, bool includeMapped);

    /// <summary>Applies POS sales for one integration, each on its own; unmatched lines are queued.</summary>
    Task<IReadOnlyList<PosSaleResult>> Ingest(Guid integrationId, IReadOnlyList<PosSale> sales);
}

/// <summary>One API key, by the SHA-256 of the key: what it unlocks, cached; revoking forgets it at once.</summary>
public interface IIntegrationKeyGrain : IGrainWithStringKey
{
    Task<IntegrationCredential?> Credential();

    Task Forget();
}

/// <summary>One queued POS line: mapped to a product, or its POS item mapped on the menu, it is applied as a sale, once.</summary>
public interface IUnmappedItemGrain : IGrainWithStringKey
{
    Task<UnmappedItem> Map(Guid productId, Actor actor);

    /// <summary>Applies the line as what its POS item now pours (the menu worked it out).</summary>
    Task<UnmappedItem> Apply(IReadOnlyList<Menu.Depletion> depletion, Actor actor);
}
