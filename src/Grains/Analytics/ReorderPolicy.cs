using InventoryProFlow.Contracts.Analytics;

namespace InventoryProFlow.Grains.Analytics;

/// <summary>How an order is sized: supplier lead time, how often orders are placed, and how rarely a stock-out is acceptable.</summary>
public sealed record ReorderSettings(int LeadTimeDays, int ReviewDays, decimal ServiceLevel);

public sealed record ReorderAdvice(int Quantity, DateOnly? OrderDate, int ReorderPoint, int OrderUpTo, int SafetyStock);

/// <summary>
/// Order-up-to from the mean forecast demand (a sum of daily medians under-orders an item bought in lumps). Safety stock = z(service level) x the forecast's error over lead time plus
/// review period (the stated interval's half-width read as z(confidence) standard deviations per week, grown with
/// the square root of time). Reorder point = demand over the lead time + safety; order-up-to = demand over lead
/// time + review + safety. The order is placed the day projected stock reaches the reorder point, for what brings
/// it back to the order-up-to level, rounded up to whole cases.
/// </summary>
public static class ReorderPolicy
{
    // pastDailyRate: what the item sold a day over its history. A forecast of nothing for an item that has sold (quiet lately,
    // or bought in lumps) is planned at that rate instead, so an order date is null only for an item never sold.
    public static ReorderAdvice Advise(
        IReadOnlyList<DailyForecast> daily, decimal onHand, int? casePack, ReorderSettings settings, DateOnly today, decimal pastDailyRate = 0m)
    {
        if (pastDailyRate > 0 && daily.Count > 0 && daily.All(d => d.ExpectedDemand == 0))
        {
            daily = daily.Select(d => d with { ExpectedDemand = pastDailyRate }).ToList();
        }

        var cover = settings.LeadTimeDays + settings.ReviewDays;
        var statedZ = NormalQuantile.Of((1d + (double)(daily.Count > 0 ? daily[0].Confidence : 0.8m)) / 2d);
        var weeklySigma = daily.Take(Math.Max(cover, 7)).Select(d => (double)(d.UpperBound - d.LowerBound) * 7d / 2d / statedZ).DefaultIfEmpty(0d).Average();
        var safety = (int)Math.Ceiling(NormalQuantile.Of((double)settings.ServiceLevel) * weeklySigma * Math.Sqrt(cover / 7d));
        var reorderPoint = (int)Math.Ceiling(Demand(daily, settings.LeadTimeDays)) + safety;
        var orderUpTo = (int)Math.Ceiling(Demand(daily, cover)) + safety;

        // The day projected stock first reaches the reorder point; past the forecast, at its average daily rate.
        var stock = (double)onHand;
        DateOnly? orderDate = null;
        for (var day = 0; day < daily.Count && orderDate is null; day++)
        {
            if (stock <= reorderPoint)
            {
                orderDate = today.AddDays(day);
            }
            else
            {
                stock -= (double)daily[day].ExpectedDemand;
            }
        }

        var averageDaily = daily.Count == 0 ? 0d : daily.Average(d => (double)d.ExpectedDemand);
        if (orderDate is null && averageDaily > 0)
        {
            var beyond = (int)Math.Ceiling(Math.Max(0, stock - reorderPoint) / averageDaily);
            orderDate = today.AddDays(daily.Count + beyond);
            stock = reorderPoint;
        }

        var quantity = orderDate is null ? 0 : Math.Max(0, orderUpTo - (int)Math.Floor(stock));
        if (quantity > 0 && casePack is > 1 and var pack)
        {
            quantity = (quantity + pack - 1) / pack * pack;
        }

        return new ReorderAdvice(quantity, orderDate, reorderPoint, orderUpTo, safety);
    }

    private static double Demand(IReadOnlyList<DailyForecast> daily, int days)
    {
        var known = daily.Take(days).Sum(d => (double)d.ExpectedDemand);
        var averageDaily = daily.Count == 0 ? 0d : daily.Average(d => (double)d.ExpectedDemand);
        return known + Math.Max(0, days - daily.Count) * averageDaily;
    }
}
