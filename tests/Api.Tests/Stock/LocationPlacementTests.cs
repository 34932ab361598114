using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;

namespace InventoryProFlow.Api.Tests.Stock;

/// <summary>
/// On a cluster of three silos, the grains of one location (its product-location grains, its stock list, the movement
/// shards of its sales) are activated on one silo, chosen by the location, and the locations spread over the silos.
/// </summary>
public sealed class LocationPlacementTests(LocationPlacementTests.ThreeSilos cluster) : IClassFixture<LocationPlacementTests.ThreeSilos>
{
    [Fact]
    public async Task Every_grain_of_a_location_lives_on_the_same_silo_and_the_locations_spread_over_the_silos()
    {
        var products = new List<Guid>();
        for (var p = 0; p < 3; p++)
        {
            products.Add(await cluster.ProductAsync($"PLACED-{p}"));
        }

        var locations = new List<Guid>();
        for (var l = 0; l < 12; l++)
        {
            locations.Add(await cluster.LocationAsync($"Bar {l}"));
        }

        foreach (var location in locations)
        {
            // Sales through several shards of the location, each touching every product, then its list.
            for (var s = 0; s < 4; s++)
            {
                var key = new MovementKey("sale", $"{location:N}-{s}");
                var order = new MovementOrder(MovementTypes.Sale, location, Items: products.Select(p => new MovementLine(p, Quantity: 1)).ToList());
                var result = await cluster.Grains.GetGrain<IMovementGrain>(GrainKeys.Movements(cluster.OrganizationId, order, key)).Execute(key, order, Actor.Integration);
                Assert.False(result.Replayed);
            }

            var list = await cluster.Grains.GetGrain<ILocationStockGrain>(GrainKeys.LocationStock(cluster.OrganizationId, location)).List(new InventoryQuery(1, 50));
            Assert.Equal(3, list.Items.Count);
        }

        var activations = await cluster.Grains.GetGrain<IManagementGrain>(0).GetDetailedGrainStatistics();
        var ofLocations = activations
            .Select(a => (Key: a.GrainId.Key.ToString()!, a.SiloAddress))
            .Where(a => a.Key.StartsWith("stock/", StringComparison.Ordinal) || a.Key.StartsWith("location-stock/", StringComparison.Ordinal) || a.Key.StartsWith("movements/", StringComparison.Ordinal))
            .GroupBy(a => GrainKeys.PlacementAnchor(a.Key))
            .Where(g => locations.Contains(Guid.Parse(g.Key)))
            .ToDictionary(g => Guid.Parse(g.Key), g => g.ToList());

        Assert.Equal(locations.Count, ofLocations.Count);
        foreach (var (location, grains) in ofLocations)
        {
            // 3 product-location grains, the stock list, and at least one movement shard.
            Assert.True(grains.Count >= 5, $"location {location}: {grains.Count} activations");
            var silos = grains.Select(g => g.SiloAddress).Distinct().ToList();
            Assert.True(silos.Count == 1, $"location {location} is spread over {silos.Count} silos: {string.Join(", ", grains.Select(g => $"{g.Key} on {g.SiloAddress}"))}");
        }

        // Twelve locations on three silos all on one silo would be a 1 in 177,147 chance for a fair hash.
        Assert.True(ofLocations.Values.Select(g => g[0].SiloAddress).Distinct().Count() > 1, "every location was placed on one silo");
    }

    /// <summary>The stock grains on three silos sharing one database.</summary>
    public sealed class ThreeSilos : StockCluster
    {
        protected override int Silos => 3;
    }
}
