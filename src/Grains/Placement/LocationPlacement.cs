using Orleans.Placement;

namespace InventoryProFlow.Grains.Placement;

/// <summary>
/// Places a grain on the silo its location is assigned to (<see cref="LocationPlacementDirector"/>), so the grains of one
/// location (its product-location grains, its stock list, its filed periods, the movements of its sales) live together
/// and a sale is handled on one silo, committed by that silo's ledger writer with the other sales of its locations.
/// </summary>
[Serializable, GenerateSerializer, Immutable, Alias("ipf.LocationPlacement.v1")]
public sealed class LocationPlacement : PlacementStrategy
{
    public static LocationPlacement Instance { get; } = new();
}

/// <summary>Marks a grain whose key names a location (<see cref="Contracts.GrainKeys.PlacementAnchor"/>) to live with it.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class LocationPlacementAttribute() : PlacementAttribute(LocationPlacement.Instance);
