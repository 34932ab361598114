using System.Globalization;
using InventoryProFlow.Contracts.Json;

namespace InventoryProFlow.Grains.Stock;

/// <summary>Quantities as people read them in messages: 3.4, not 3.40000000.</summary>
internal static class Quantities
{
    public static string Text(decimal quantity) => ShortestDecimal.Shortest(quantity).ToString(CultureInfo.InvariantCulture);
}
