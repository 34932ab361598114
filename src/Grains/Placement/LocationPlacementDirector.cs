using System.IO.Hashing;
using System.Text;
using InventoryProFlow.Contracts;
using Orleans.Runtime.Placement;

namespace InventoryProFlow.Grains.Placement;

/// <summary>
/// Chooses the silo of a location by rendezvous hashing: every silo gets a score from the location id and the silo's
/// endpoint, and the highest wins. Every silo computes the same answer from the same membership without asking anyone,
/// a location stays on its silo while membership is stable (also across a restart at the same endpoint), and a silo
/// joining or leaving moves only the locations it wins or held, about one in N. Grains already active stay where they
/// are until they are collected, so a location's grains come together again after a change of membership.
/// </summary>
public sealed class LocationPlacementDirector : IPlacementDirector
{
    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context) =>
        Task.FromResult(Choose(GrainKeys.PlacementAnchor(target.GrainIdentity.Key.ToString()!), context.GetCompatibleSilos(target)));

    /// <summary>The silo whose score for <paramref name="anchor"/> is highest.</summary>
    public static SiloAddress Choose(string anchor, IReadOnlyList<SiloAddress> silos) =>
        silos.Count > 0
            ? silos.MaxBy(silo => Score(anchor, silo))!
            : throw new OrleansException($"No silo can host the grain of '{anchor}'.");

    // The endpoint, not the whole address: a silo restarted at the same endpoint has a new generation and keeps its locations.
    private static ulong Score(string anchor, SiloAddress silo) =>
        XxHash64.HashToUInt64(Encoding.UTF8.GetBytes($"{anchor}|{silo.Endpoint}"));
}
