using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// One gradient-boosted model (LightGBM) pooled over an organisation's product-location series, predicting
/// each week ahead from lags, rolling means, the order cycle and the calendar: the median as the point, the mean
/// as the expected demand, with split-conformal intervals around the mean.
/// Thread-safe for forecasting; train and load are the only ways to make one.
/// </summary>
public sealed class DemandModel
{
    private readonly MLContext ml;
    private readonly ITransformer? trees;
    private readonly ITransformer? medianTrees;
    private readonly object predictLock = new();

    internal DemandModel(MLContext ml, ITransformer? trees, ITransformer? medianTrees, DemandModelOptions options, ForecastCalibration calibration, DemandModelSummary summary)
    {
        this.ml = ml;
        this.trees = trees;
        this.medianTrees = medianTrees;
        Options = options;
        Calibration = calibration;
        Summary = summary;
    }

    /// <summary>The options it was trained with.</summary>
    public DemandModelOptions Options { get; }

    /// <summary>The held-out errors that set its intervals.</summary>
    public ForecastCalibration Calibration { get; }

    /// <summary>What it was trained on.</summary>
    public DemandModelSummary Summary { get; }

    /// <summary>Whether enough history existed to fit trees; without them every forecast is a fallback.</summary>
    public bool HasTrees => trees is not null;

    internal ITransformer? Trees => trees;

    internal ITransformer? MedianTrees => medianTrees;

    internal MLContext Context => ml;

    /// <summary>
    /// Trains on every series' history: examples whose target week falls in the last
    /// <see cref="DemandModelOptions.CalibrationWeeks"/> are held out to calibrate the intervals.
    /// </summary>
    public static DemandModel Train(IReadOnlyList<WeeklyDemand> series, DemandModelOptions? options = null, CancellationToken cancellationToken = default)
    {
        options ??= new DemandModelOptions();
        var ml = new MLContext(options.Seed);
        var lastWeek = series.Count == 0 ? DateOnly.MinValue : series.Max(s => s.NextWeek.AddDays(-7));
        var (training, calibration) = DemandExamples.Split(series, options);
        cancellationToken.ThrowIfCancellationRequested();

        // Fewer examples than a handful of leaves cannot fit trees worth trusting over the fallback.
        if (training.Count < 4 * options.MinExamplesPerLeaf)
        {
            var empty = ForecastCalibration.FromResiduals(ForecastCalibration.EmptyResiduals(options.MaxHorizonWeeks), options.MaxHorizonWeeks);
            return new DemandModel(ml, null, null, options, empty, new DemandModelSummary(series.Count, 0, 0, lastWeek));
        }

        var trees = DemandTrees.Fit(ml, options, training, weighted: false);
        cancellationToken.ThrowIfCancellationRequested();
        var medianTrees = DemandTrees.FitMedian(ml, options, training, cancellationToken);

        var scores = DemandTrees.Score(ml, trees, calibration.Select(e => e.Example).ToList());
        var residuals = ForecastCalibration.EmptyResiduals(options.MaxHorizonWeeks);
        for (var i = 0; i < calibration.Count; i++)
        {
            var c = calibration[i];
            var predicted = DemandTarget.ToQuantity(scores[i], c.Level);
            residuals[c.Group][c.Horizon - 1].Add((c.Actual - predicted) / c.Spread);
        }

        return new DemandModel(
            ml,
            trees,
            medianTrees,
            options,
            ForecastCalibration.FromResiduals(residuals, options.MaxHorizonWeeks),
            new DemandModelSummary(series.Count, training.Count, calibration.Count, lastWeek));
    }

    /// <summary>
    /// Forecasts <paramref name="horizonWeeks"/> weeks after the history's last week, with an interval meant to
    /// hold the week's demand with probability <paramref name="confidence"/> (e.g. 0.8).
    /// </summary>
    public DemandForecast Forecast(WeeklyDemand history, int horizonWeeks, decimal confidence) =>
        Forecast([history], horizonWeeks, confidence)[0];

    /// <summary>Forecasts many series in one pass through the trees (the backtest and a nightly batch).</summary>
    public IReadOnlyList<DemandForecast> Forecast(IReadOnlyList<WeeklyDemand> histories, int horizonWeeks, decimal confidence)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(horizonWeeks, 1);
        if (confidence is <= 0m or >= 1m)
        {
            throw new ArgumentOutOfRangeException(nameof(confidence), confidence, "Confidence is a share strictly between 0 and 1.");
        }

        var answers = new DemandForecast?[histories.Count];
        var pending = new List<(int Index, int Group, double Level, double Spread)>();
        var examples = new List<DemandExample>();
        for (var i = 0; i < histories.Count; i++)
        {
            var history = histories[i];
            var firstSale = DemandFeatures.FirstSale(history.Quantities);
            if (firstSale < 0)
            {
                answers[i] = FallbackForecast.Zero(history, horizonWeeks, confidence, "no sales in the history");
                continue;
            }

            var origin = history.Weeks;
            var level = DemandFeatures.Level(history.Quantities, origin, firstSale);
            if (level <= 0)
            {
                answers[i] = FallbackForecast.Zero(history, horizonWeeks, confidence, "no sales in the last 52 weeks");
                continue;
            }

            if (trees is null)
            {
                answers[i] = FallbackForecast.MovingAverage(history, firstSale, horizonWeeks, confidence, "too little history in the organisation to train a model");
                continue;
            }

            if (origin - firstSale < Options.MinHistoryWeeks)
            {
                answers[i] = FallbackForecast.MovingAverage(history, firstSale, horizonWeeks, confidence, $"fewer than {Options.MinHistoryWeeks} weeks since the first sale");
                continue;
            }

            var group = -1;
            for (var h = 1; h <= horizonWeeks; h++)
            {
                var features = new float[DemandFeatures.Count];
                // Beyond the longest horizon learned, the last one's relation is the best available.
                DemandFeatures.Fill(features, history.Quantities, history.StartWeek, origin, Math.Min(h, Options.MaxHorizonWeeks), firstSale, level);
                group = ForecastCalibration.Group(features[DemandFeatures.NonZeroShare52]);
                // Keep the calendar of the real target week when the horizon was capped.
                var targetWeek = history.WeekStart(origin + h - 1);
                features[17] = System.Globalization.ISOWeek.GetWeekOfYear(targetWeek.ToDateTime(TimeOnly.MinValue));
                features[18] = targetWeek.AddDays(3).Month;
                examples.Add(new DemandExample { Features = features });
            }

            pending.Add((i, group, level, DemandFeatures.Spread(history.Quantities, origin, firstSale, level)));
        }

        if (pending.Count > 0)
        {
            float[] scores, medians;
            lock (predictLock)
            {
                scores = DemandTrees.Score(ml, trees!, examples);
                medians = medianTrees is null ? scores : DemandTrees.Score(ml, medianTrees, examples);
            }

            var share = (double)confidence;
            for (var p = 0; p < pending.Count; p++)
            {
                var (index, group, level, spread) = pending[p];
                var history = histories[index];
                var weeks = new ForecastWeek[horizonWeeks];
                for (var h = 1; h <= horizonWeeks; h++)
                {
                    var expected = DemandTarget.ToQuantity(scores[p * horizonWeeks + h - 1], level);
                    var learned = Math.Min(h, Options.MaxHorizonWeeks);
                    var (low, high) = Calibration.Bounds(group, learned, share);
                    // The band's quantiles are measured around the mean, so it stays centred there.
                    weeks[h - 1] = new ForecastWeek(
                        history.NextWeek.AddDays(7 * (h - 1)),
                        DemandTarget.ToQuantity(medians[p * horizonWeeks + h - 1], level),
                        Math.Max(0, expected + low * spread),
                        Math.Max(0, expected + high * spread),
                        expected);
                }

                answers[index] = new DemandForecast(history.Key, weeks, confidence, DemandForecast.ModelMethod, Calibrated: true);
            }
        }

        return answers!;
    }

    /// <summary>The model as bytes (a zip of the ML.NET model and the calibration), for a bytea column.</summary>
    public byte[] Save() => DemandModelArchive.Write(this);

    /// <summary>A model saved by <see cref="Save"/>.</summary>
    public static DemandModel Load(byte[] saved) => DemandModelArchive.Read(saved);
}
