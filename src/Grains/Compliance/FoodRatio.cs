namespace InventoryProFlow.Grains.Compliance;

/// <summary>Food's share of food plus mixed-beverage sales over a review period, against the state's minimum.</summary>
public sealed record FoodRatioCheck(decimal FoodShare, decimal MinimumFoodShare, bool Meets);

/// <summary>
/// The food-to-alcohol ratio of a mixed beverage licence (Virginia: food and nonalcoholic beverages at least 45 % of
/// food plus mixed-beverage sales over the licence year; wine, beer and to-go cocktails are outside both terms).
/// </summary>
public static class FoodRatio
{
    public static FoodRatioCheck Check(decimal foodSales, decimal mixedBeverageSales, FoodRatioRule rule)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(foodSales);
        ArgumentOutOfRangeException.ThrowIfNegative(mixedBeverageSales);
        var total = foodSales + mixedBeverageSales;
        // With no mixed-beverage sales there is nothing the ratio could forbid.
        var share = total == 0m ? 1m : foodSales / total;
        return new FoodRatioCheck(share, rule.MinimumFoodShare, share >= rule.MinimumFoodShare);
    }
}
