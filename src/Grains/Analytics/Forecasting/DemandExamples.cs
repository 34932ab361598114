namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>A training or calibration example with what is needed to turn its score back into units.</summary>
internal sealed record LabelledExample(DemandExample Example, int Horizon, int Group, double Actual, double Level, double Spread);

/// <summary>
/// Cuts every series into (origin, horizon) examples: targets before the last calibration weeks train the
/// trees, targets in them measure the errors. Both are seeded random samples capped by the options.
/// </summary>
internal static class DemandExamples
{
    public static (List<LabelledExample> Training, List<LabelledExample> Calibration) Split(IReadOnlyList<WeeklyDemand> series, DemandModelOptions options)
    {
        long trainingCandidates = 0, calibrationCandidates = 0;
        foreach (var s in series)
        {
            var firstSale = DemandFeatures.FirstSale(s.Quantities);
            if (firstSale < 0)
            {
                continue;
            }

            var cut = s.Weeks - options.CalibrationWeeks;
            for (var origin = firstSale + options.MinHistoryWeeks; origin < s.Weeks; origin++)
            {
                for (var h = 1; h <= options.MaxHorizonWeeks && origin + h - 1 < s.Weeks; h++)
                {
                    if (origin + h - 1 < cut)
                    {
                        trainingCandidates++;
                    }
                    else
                    {
                        calibrationCandidates++;
                    }
                }
            }
        }

        var trainingShare = Math.Min(1.0, options.MaxTrainingExamples / (double)Math.Max(1, trainingCandidates));
        var calibrationShare = Math.Min(1.0, options.MaxCalibrationExamples / (double)Math.Max(1, calibrationCandidates));
        var random = new Random(options.Seed);
        var training = new List<LabelledExample>();
        var calibration = new List<LabelledExample>();
        foreach (var s in series)
        {
            var y = s.Quantities;
            var firstSale = DemandFeatures.FirstSale(y);
            if (firstSale < 0)
            {
                continue;
            }

            var cut = s.Weeks - options.CalibrationWeeks;
            for (var origin = firstSale + options.MinHistoryWeeks; origin < s.Weeks; origin++)
            {
                double level = -1, spread = 0;
                for (var h = 1; h <= options.MaxHorizonWeeks && origin + h - 1 < s.Weeks; h++)
                {
                    var target = origin + h - 1;
                    var forCalibration = target >= cut;
                    if (random.NextDouble() >= (forCalibration ? calibrationShare : trainingShare))
                    {
                        continue;
                    }

                    if (level < 0)
                    {
                        level = DemandFeatures.Level(y, origin, firstSale);
                        spread = DemandFeatures.Spread(y, origin, firstSale, level);
                    }

                    // A dormant series is answered by the zero fallback, so the trees never see one.
                    if (level <= 0)
                    {
                        break;
                    }

                    var features = new float[DemandFeatures.Count];
                    DemandFeatures.Fill(features, y, s.StartWeek, origin, h, firstSale, level);
                    var example = new DemandExample { Features = features, Label = DemandTarget.ToLabel(y[target], level) };
                    (forCalibration ? calibration : training).Add(new LabelledExample(example, h, ForecastCalibration.Group(features[DemandFeatures.NonZeroShare52]), y[target], level, spread));
                }
            }
        }

        return (training, calibration);
    }
}
