namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>
/// The class of beverage that the regulators' forms and taxes go by, apart from the merchant's own category name
/// (Bourbon, Red Wine, IPA): spirits, wine, beer (malt beverages, hard seltzer), cider, non-alcoholic, other.
/// A product's class is derived from its category unless it is set; ABC, TTB and tax figures read the class.
/// </summary>
public static class ComplianceClasses
{
    public const string Spirits = "spirits";
    public const string Wine = "wine";
    public const string Beer = "beer";
    public const string Cider = "cider";
    public const string NonAlcoholic = "non_alcoholic";
    public const string Other = "other";

    public static IReadOnlyList<string> All { get; } = [Spirits, Wine, Beer, Cider, NonAlcoholic, Other];

    // Read in this order, so "non-alcoholic beer" is non-alcoholic, "whiskey liqueur" spirits and "white rum" not wine.
    // Whole words, matched at their start when marked with a trailing '*' (whisk* finds whiskey, whisky and whiskies).
    private static readonly (string Class, string[] Words)[] Vocabulary =
    [
        (NonAlcoholic, ["non", "non-alcoholic", "nonalcoholic", "alcohol-free", "zero-proof", "mocktail*", "mixer*", "soda*", "juice*", "syrup*", "tonic*",
            "water*", "garnish*"]),
        (Cider, ["cider*", "perry"]),
        (Spirits, ["whisk*", "bourbon*", "scotch*", "rye*", "vodka*", "gin", "gins", "rum", "rums", "tequila*", "mezcal*", "brand*", "cognac*",
            "armagnac*", "liqueur*", "cordial*", "schnapps", "spirit*", "sec", "absinthe", "rtd", "grappa", "pisco", "soju", "baijiu", "aquavit",
            "amaro*", "aperitif*"]),
        (Beer, ["beer*", "ale", "ales", "ipa*", "lager*", "stout*", "porter*", "pilsner*", "pils", "seltzer*", "malt*", "hefeweizen", "kolsch",
            "saison*", "radler*", "bock", "wheat", "lambic*", "gose"]),
        (Wine, ["wine*", "red", "reds", "white", "whites", "rose", "rosé", "champagne*", "sparkling", "prosecco", "cava", "port", "sherry", "vermouth*",
            "sake", "mead", "cabernet", "merlot", "chardonnay", "pinot", "sauvignon", "riesling", "malbec", "zinfandel", "syrah", "shiraz", "moscato",
            "tempranillo", "sangiovese", "chianti", "bordeaux", "burgundy", "rioja"]),
    ];

    // Iowa's state stores sell spirits only; these two of its category names say nothing of the drink.
    private static readonly string[] IowaSpiritsPhrases = ["special order items", "temporary & specialty packages"];

    /// <summary>The class a category name implies (and, failing that, its subcategory); other when neither says.</summary>
    public static string Of(string? category, string? subcategory = null) => Match(category) ?? Match(subcategory) ?? Other;

    private static string? Match(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        if (IowaSpiritsPhrases.Contains(text.Trim().ToLowerInvariant()))
        {
            return Spirits;
        }

        var words = text.ToLowerInvariant().Split([' ', '/', ',', '&', '(', ')', '%', '.', ':', ';'], StringSplitOptions.RemoveEmptyEntries);
        foreach (var (cls, vocabulary) in Vocabulary)
        {
            if (words.Any(word => vocabulary.Any(v => v.EndsWith('*') ? word.StartsWith(v[..^1], StringComparison.Ordinal) : word == v)))
            {
                return cls;
            }
        }

        return null;
    }
}
