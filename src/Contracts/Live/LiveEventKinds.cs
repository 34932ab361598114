using InventoryProFlow.Contracts.Identity;

namespace InventoryProFlow.Contracts.Live;

/// <summary>
/// The live events by name, each with the scope a listener needs to hear it: the same scope its REST counterpart needs,
/// so the hub never tells someone what the API would refuse them (a sale's money, a count's shrinkage, a licence).
/// </summary>
public static class LiveEventKinds
{
    public const string InventoryUpdated = "inventory:updated";
    public const string SalesNew = "sales:new";
    public const string LowStock = "alert:lowStock";
    public const string Shrinkage = "alert:shrinkage";
    public const string Compliance = "alert:compliance";

    /// <summary>Every kind and the scope it needs; docs/API.md "Live events" shows the same table.</summary>
    public static IReadOnlyDictionary<string, string> ScopeNeeded { get; } = new Dictionary<string, string>
    {
        [InventoryUpdated] = Scopes.InventoryRead,
        [LowStock] = Scopes.InventoryRead,
        [SalesNew] = Scopes.SalesRead,
        [Shrinkage] = Scopes.AnalyticsRead,
        [Compliance] = Scopes.ComplianceRead,
    };

    /// <summary>The kinds a holder of <paramref name="granted"/> may hear.</summary>
    public static IReadOnlyList<string> AllowedFor(IReadOnlyCollection<string> granted) =>
        ScopeNeeded.Where(kind => Scopes.Allows(granted, kind.Value)).Select(kind => kind.Key).ToList();
}
