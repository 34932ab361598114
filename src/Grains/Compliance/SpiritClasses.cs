using System.Text.RegularExpressions;
using InventoryProFlow.Contracts.Compliance;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Which kind of spirits (the TTB operations reports' columns) a product is, from its subcategory, else its name.
/// Whole words only, so "Ginger Liqueur" is not gin; a product that names no kind is "other".
/// </summary>
public static partial class SpiritClasses
{
    // First match wins, in this order: "Bourbon Barrel Rum" is named for its cask, so the subcategory is read first.
    private static readonly (string Kind, string[] Words)[] Keywords =
    [
        (SpiritKinds.Whisky, ["whisky", "whiskey", "whiskies", "whiskeys", "bourbon", "rye", "scotch"]),
        (SpiritKinds.Brandy, ["brandy", "cognac", "armagnac", "calvados", "grappa", "pisco"]),
        (SpiritKinds.Rum, ["rum", "rhum", "cachaca", "cachaça"]),
        (SpiritKinds.Gin, ["gin", "genever"]),
        (SpiritKinds.Vodka, ["vodka"]),
        (SpiritKinds.Alcohol, ["neutral spirits", "neutral spirit", "grain alcohol"]),
    ];

    public static string KindOf(string? subcategory, string? name) =>
        Match(subcategory) ?? Match(name) ?? SpiritKinds.Other;

    private static string? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        // Words separated by single spaces, lower case, so phrases like "grain alcohol" match however they were typed.
        var words = " " + string.Join(' ', NonLetters().Split(text.ToLowerInvariant()).Where(w => w.Length > 0)) + " ";
        foreach (var (kind, keywords) in Keywords)
        {
            if (keywords.Any(k => words.Contains(" " + k + " ", StringComparison.Ordinal)))
            {
                return kind;
            }
        }

        return null;
    }

    [GeneratedRegex(@"[^\p{L}]+")]
    private static partial Regex NonLetters();
}
