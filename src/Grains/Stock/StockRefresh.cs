using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Grains.Stock;

/// <summary>
/// Tells product-location grains that their product or location changed, so that live stock (which checks
/// movements against what it holds, not against the tables) never acts on a stale catalogue.
/// </summary>
internal static class StockRefresh
{
    // Enough at once to finish a location of thousands of products in seconds, few enough not to crowd out sales.
    private const int InParallel = 32;

    /// <summary>Each grain reads its product and location again (a product changed or was deleted).</summary>
    public static Task Run(IGrainFactory grains, Guid organizationId, IEnumerable<(Guid LocationId, Guid ProductId)> places) =>
        Tell(grains, organizationId, places, grain => grain.RefreshProduct());

    /// <summary>Each grain learns that its location closed, without a query.</summary>
    public static Task LocationClosed(IGrainFactory grains, Guid organizationId, Guid locationId, IEnumerable<Guid> products) =>
        Tell(grains, organizationId, products.Select(product => (locationId, product)), grain => grain.LocationClosed());

    private static Task Tell(IGrainFactory grains, Guid organizationId, IEnumerable<(Guid LocationId, Guid ProductId)> places, Func<IProductAtLocationGrain, Task> what) =>
        Parallel.ForEachAsync(places, new ParallelOptions { MaxDegreeOfParallelism = InParallel }, async (place, _) =>
            await what(grains.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(organizationId, place.LocationId, place.ProductId))));
}
