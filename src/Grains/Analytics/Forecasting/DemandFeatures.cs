namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// The calendar and lag features of one (history, horizon) pair. Quantities are divided by the series'
/// level so one pooled model serves a 2-bottle and a 200-bottle item alike.
/// </summary>
internal static class DemandFeatures
{
    public const int Count = 27;

    /// <summary>Index of the share of the last 52 weeks with a sale, which also picks the calibration group.</summary>
    public const int NonZeroShare52 = 13;

    /// <summary>Index of the median of the last 13 weeks (in levels): where the median trees' fitting starts.</summary>
    public const int Median13 = 26;

    // Stands for "no such week in the history" (scaled quantities are never negative).
    private const float Missing = -1f;

    /// <summary>
    /// Mean weekly demand over the last 13 weeks, or the last 52 when nothing sold in those (since the
    /// first sale when shorter): the unit the model predicts in. Zero when nothing sold in a year.
    /// </summary>
    public static double Level(IReadOnlyList<double> y, int origin, int firstSale)
    {
        var recent = Mean(y, origin, firstSale, 13);
        return recent > 0 ? recent : Mean(y, origin, firstSale, 52);
    }

    // The recent quarter follows a growing or fading item faster than the year does.
    private static double Mean(IReadOnlyList<double> y, int origin, int firstSale, int weeks)
    {
        var from = Math.Max(firstSale, origin - weeks);
        if (origin <= from)
        {
            return 0;
        }

        double sum = 0;
        for (var i = from; i < origin; i++)
        {
            sum += y[i];
        }

        return sum / (origin - from);
    }

    /// <summary>
    /// Typical week-to-week change over the last year: the unit of the interval residuals, so a steady
    /// item gets a narrow band and an erratic one a wide band at the same level.
    /// </summary>
    public static double Spread(IReadOnlyList<double> y, int origin, int firstSale, double level)
    {
        var from = Math.Max(firstSale + 1, origin - 52);
        double sum = 0;
        var n = 0;
        for (var i = from; i < origin; i++)
        {
            sum += Math.Abs(y[i] - y[i - 1]);
            n++;
        }

        var spread = n == 0 ? level : sum / n;
        // A perfectly flat history would give a zero-width band; a tenth of the level keeps some honesty.
        return Math.Max(spread, Math.Max(0.1 * level, 1e-6));
    }

    /// <summary>Index of the first week with a sale, or -1.</summary>
    public static int FirstSale(IReadOnlyList<double> y)
    {
        for (var i = 0; i < y.Count; i++)
        {
            if (y[i] > 0)
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Fills <paramref name="features"/> for predicting week <c>origin + horizon - 1</c> from weeks before
    /// <paramref name="origin"/> only.
    /// </summary>
    public static void Fill(
        Span<float> features, IReadOnlyList<double> y, DateOnly startWeek, int origin, int horizon, int firstSale, double level)
    {
        var target = origin + horizon - 1;
        var targetWeek = startWeek.AddDays(7 * target);
        float Scaled(int i) => i >= firstSale && i < origin && i >= 0 ? (float)(y[i] / level) : Missing;

        features[0] = horizon;
        features[1] = Scaled(origin - 1);
        features[2] = Scaled(origin - 2);
        features[3] = Scaled(origin - 3);
        features[4] = Scaled(origin - 4);
        features[5] = Scaled(target - 52);
        features[6] = MeanScaled(y, target - 53, target - 50, firstSale, origin, level);
        features[7] = MeanScaled(y, origin - 4, origin, firstSale, origin, level);
        features[8] = MeanScaled(y, origin - 8, origin, firstSale, origin, level);
        features[9] = MeanScaled(y, origin - 13, origin, firstSale, origin, level);
        features[10] = MeanScaled(y, origin - 26, origin, firstSale, origin, level);
        // The same four weeks a year before the origin: with feature 6 the tree can read last year's change.
        features[11] = MeanScaled(y, origin - 56, origin - 52, firstSale, origin, level);
        features[12] = NonZeroShare(y, origin - 13, origin, firstSale);
        features[NonZeroShare52] = NonZeroShare(y, origin - 52, origin, firstSale);
        features[14] = WeeksSinceSale(y, origin, firstSale);
        features[15] = StdScaled(y, origin - 13, origin, firstSale, level);
        features[16] = (float)Math.Log(1 + level);
        features[17] = System.Globalization.ISOWeek.GetWeekOfYear(targetWeek.ToDateTime(TimeOnly.MinValue));
        features[18] = targetWeek.AddDays(3).Month;
        features[19] = Math.Min(origin - firstSale, 156);
        features[20] = (float)(Spread(y, origin, firstSale, level) / level);
        OrderCycle(features[21..], y, origin, horizon, firstSale, level);
    }

    /// <summary>
    /// Croston's view of a lumpy item (a store buying 12 every 3 weeks): the mean order size, the mean and
    /// spread of the gaps between orders, the last gap, where the target week falls in the cycle, and the
    /// median week. Rolling means blur exactly the timing that says whether next week is an order week.
    /// </summary>
    private static void OrderCycle(Span<float> features, IReadOnlyList<double> y, int origin, int horizon, int firstSale, double level)
    {
        var from = Math.Max(firstSale, origin - 52);
        int orders = 0, previous = -1, lastGap = -1;
        double size = 0, gaps = 0, gapsSquared = 0;
        for (var i = from; i < origin; i++)
        {
            if (y[i] <= 0)
            {
                continue;
            }

            orders++;
            size += y[i];
            if (previous >= 0)
            {
                lastGap = i - previous;
                gaps += lastGap;
                gapsSquared += (double)lastGap * lastGap;
            }

            previous = i;
        }

        var meanInterval = orders == 0 ? 52.0 : (double)(origin - from) / orders;
        var gapCount = Math.Max(0, orders - 1);
        var meanGap = gapCount == 0 ? 0 : gaps / gapCount;
        features[0] = orders == 0 ? Missing : (float)(size / orders / level);
        features[1] = (float)meanInterval;
        features[2] = (float)((WeeksSinceSale(y, origin, firstSale) + horizon) / meanInterval);
        features[3] = lastGap;
        features[4] = gapCount < 2 ? Missing : (float)(Math.Sqrt(Math.Max(0, gapsSquared / gapCount - meanGap * meanGap)) / meanGap);
        features[Median13 - 21] = MedianScaled(y, origin - 13, origin, firstSale, level);
    }

    private static float MedianScaled(IReadOnlyList<double> y, int from, int to, int firstSale, double level)
    {
        from = Math.Max(from, firstSale);
        if (to <= from)
        {
            return Missing;
        }

        var weeks = new double[to - from];
        for (var i = from; i < to; i++)
        {
            weeks[i - from] = y[i];
        }

        Array.Sort(weeks);
        var middle = weeks.Length / 2;
        var median = weeks.Length % 2 == 1 ? weeks[middle] : (weeks[middle - 1] + weeks[middle]) / 2;
        return (float)(median / level);
    }

    private static float MeanScaled(IReadOnlyList<double> y, int from, int to, int firstSale, int origin, double level)
    {
        from = Math.Max(from, firstSale);
        to = Math.Min(to, origin);
        if (to <= from)
        {
            return Missing;
        }

        double sum = 0;
        for (var i = from; i < to; i++)
        {
            sum += y[i];
        }

        return (float)(sum / (to - from) / level);
    }

    private static float NonZeroShare(IReadOnlyList<double> y, int from, int to, int firstSale)
    {
        from = Math.Max(from, firstSale);
        if (to <= from)
        {
            return 0;
        }

        var nonZero = 0;
        for (var i = from; i < to; i++)
        {
            if (y[i] > 0)
            {
                nonZero++;
            }
        }

        return (float)nonZero / (to - from);
    }

    private static float WeeksSinceSale(IReadOnlyList<double> y, int origin, int firstSale)
    {
        for (var i = origin - 1; i >= firstSale && i >= origin - 52; i--)
        {
            if (y[i] > 0)
            {
                return origin - 1 - i;
            }
        }

        return 52;
    }

    private static float StdScaled(IReadOnlyList<double> y, int from, int to, int firstSale, double level)
    {
        from = Math.Max(from, firstSale);
        if (to - from < 2)
        {
            return 0;
        }

        double sum = 0, sumSq = 0;
        for (var i = from; i < to; i++)
        {
            sum += y[i];
            sumSq += y[i] * y[i];
        }

        var n = to - from;
        var variance = Math.Max(0, (sumSq - sum * sum / n) / (n - 1));
        return (float)(Math.Sqrt(variance) / level);
    }
}
