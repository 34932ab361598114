using System.Net;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Placement;

namespace InventoryProFlow.Grains.Tests.Placement;

public class LocationPlacementDirectorTests
{
    private static readonly Guid Organization = Guid.NewGuid();
    private static readonly Guid[] Locations = Enumerable.Range(0, 1_200).Select(_ => Guid.NewGuid()).ToArray();

    [Fact]
    public void Every_grain_key_of_a_location_is_placed_by_that_location_and_an_organisations_shard_by_its_own_key()
    {
        var location = Guid.NewGuid();
        var product = Guid.NewGuid();
        var anchor = location.ToString("D");

        Assert.Equal(anchor, GrainKeys.PlacementAnchor(GrainKeys.ProductAtLocation(Organization, location, product)));
        Assert.Equal(anchor, GrainKeys.PlacementAnchor(GrainKeys.LocationStock(Organization, location)));
        Assert.Equal(anchor, GrainKeys.PlacementAnchor(GrainKeys.Location(Organization, location)));
        Assert.Equal(anchor, GrainKeys.PlacementAnchor(GrainKeys.FiledPeriods(Organization, location)));
        var sale = GrainKeys.Movements(Organization, new MovementOrder(MovementTypes.Sale, location), new MovementKey("sale", "till-1"));
        Assert.Equal(anchor, GrainKeys.PlacementAnchor(sale));
        Assert.Equal(Organization, GrainKeys.ParseMovements(sale));

        // A transfer spans two locations: a shard of the organisation's, placed by its own key.
        var transfer = GrainKeys.Movements(Organization, new MovementOrder(MovementTypes.Transfer, location, Guid.NewGuid()), new MovementKey("request", "t-1"));
        Assert.Equal(transfer, GrainKeys.PlacementAnchor(transfer));
        Assert.Equal(Organization, GrainKeys.ParseMovements(transfer));
    }

    [Fact]
    public void A_location_gets_the_same_silo_whatever_order_the_silos_are_listed_in_and_whatever_their_generation()
    {
        var silos = Silos(3);
        var restarted = silos.Select(s => SiloAddress.New(s.Endpoint, s.Generation + 7)).Reverse().ToArray();

        foreach (var location in Locations.Take(100).Select(l => l.ToString("D")))
        {
            Assert.Equal(
                LocationPlacementDirector.Choose(location, silos).Endpoint,
                LocationPlacementDirector.Choose(location, restarted).Endpoint);
        }
    }

    [Fact]
    public void Locations_spread_over_the_silos_and_a_silo_joining_takes_about_its_share_from_each_without_moving_the_rest()
    {
        var three = Silos(3);
        var four = Silos(4);
        var before = Locations.ToDictionary(l => l, l => LocationPlacementDirector.Choose(l.ToString("D"), three));
        var after = Locations.ToDictionary(l => l, l => LocationPlacementDirector.Choose(l.ToString("D"), four));

        // 1,200 locations on 3 silos: 400 each on average; a share outside 300-500 would mean a skewed hash.
        Assert.All(three, silo => Assert.InRange(before.Values.Count(s => s.Equals(silo)), 300, 500));

        // The fourth silo takes locations from the others; none moves between the first three.
        var moved = Locations.Where(l => !before[l].Equals(after[l])).ToList();
        Assert.All(moved, l => Assert.Equal(four[3], after[l]));
        Assert.InRange(moved.Count, 200, 400);
    }

    [Fact]
    public void No_silo_to_choose_from_is_an_error_naming_the_location()
    {
        var error = Assert.Throws<OrleansException>(() => LocationPlacementDirector.Choose("a-location", []));
        Assert.Contains("a-location", error.Message, StringComparison.Ordinal);
    }

    private static SiloAddress[] Silos(int count) =>
        Enumerable.Range(0, count).Select(i => SiloAddress.New(new IPEndPoint(IPAddress.Parse($"10.0.0.{i + 1}"), 11111), 1)).ToArray();
}
