using InventoryProFlow.Contracts.Catalogue;

namespace InventoryProFlow.Grains.Tests.Catalogue;

/// <summary>The class the regulators go by, derived from the merchant's own category names.</summary>
public sealed class ComplianceClassesTests
{
    // Every category name of the Iowa product catalogue (2022 and 2024): the state's stores sell spirits only.
    public static TheoryData<string> IowaCategories => new(File.ReadLines(SharedData("iowa_products_2024.csv")).Concat(File.ReadLines(SharedData("iowa_products_2022.csv")))
        .Skip(1).Select(line => CategoryOf(line)).Where(c => c.Length > 0 && c != "Category Name").Distinct());

    [Theory]
    [MemberData(nameof(IowaCategories))]
    public void Every_iowa_category_is_spirits(string category) => Assert.Equal(ComplianceClasses.Spirits, ComplianceClasses.Of(category));

    [Theory]
    [InlineData("Whiskey", "spirits")]
    [InlineData("Spirits", "spirits")]
    [InlineData("Bourbon", "spirits")]
    [InlineData("Tequila", "spirits")]
    [InlineData("White Rum", "spirits")]
    [InlineData("Triple Sec", "spirits")]
    [InlineData("Red Wine", "wine")]
    [InlineData("Sparkling", "wine")]
    [InlineData("Vermouth", "wine")]
    [InlineData("Port", "wine")]
    [InlineData("IPA", "beer")]
    [InlineData("Craft Beer", "beer")]
    [InlineData("Hard Seltzer", "beer")]
    [InlineData("Seltzer Water", "non_alcoholic")]
    [InlineData("Non-Alcoholic Beer", "non_alcoholic")]
    [InlineData("Mixers", "non_alcoholic")]
    [InlineData("Hard Cider", "cider")]
    [InlineData("Ginger Ale", "beer")]
    [InlineData("Glassware", "other")]
    [InlineData("", "other")]
    public void Common_names_find_their_class(string category, string expected) => Assert.Equal(expected, ComplianceClasses.Of(category));

    [Fact]
    public void The_subcategory_speaks_when_the_category_does_not()
    {
        Assert.Equal(ComplianceClasses.Wine, ComplianceClasses.Of("House pours", "Pinot Noir"));
        Assert.Equal(ComplianceClasses.Spirits, ComplianceClasses.Of("Whiskey", "Red wine cask"));
    }

    private static string CategoryOf(string csvLine)
    {
        // Item Number,Category Name,...: the second field, never quoted in these files.
        var fields = csvLine.Split(',');
        return fields.Length > 1 ? fields[1].Trim('"') : "";
    }

    private static string SharedData(string file) => Path.Combine(Compliance.SharedData.Folder, file);
}
