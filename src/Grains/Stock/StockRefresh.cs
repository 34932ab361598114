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

    public static Task Run(IGrainFactory grains, Guid organizationId, IEnumerable<(Guid LocationId, Guid ProductId)> places) =>
        Parallel.ForEachAsync(places, new ParallelOptions { MaxDegreeOfParallelism = InParallel }, async (place, _) =>
            await grains.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(organizationId, place.LocationId, place.ProductId)).RefreshProduct());
}
