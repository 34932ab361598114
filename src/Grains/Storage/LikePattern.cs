namespace InventoryProFlow.Grains.Storage;

/// <summary>Text a person typed, as an ILIKE pattern that matches it anywhere: their % and _ are letters, not wildcards.</summary>
internal static class LikePattern
{
    public static string Containing(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
