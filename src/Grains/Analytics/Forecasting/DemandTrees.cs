using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.LightGbm;

namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>
/// The two LightGBM ensembles of a <see cref="DemandModel"/>: the mean trees (squared error: the expected demand
/// that orders are sized from) and the median trees (absolute error: the point shown, which MASE rewards).
/// </summary>
internal static class DemandTrees
{
    // Under a tenth of a spread an error counts as that much, or one exact week would outweigh the rest.
    private const double SmallestMedianError = 0.1;

    public static RegressionPredictionTransformer<LightGbmRegressionModelParameters> Fit(MLContext ml, DemandModelOptions options, List<LabelledExample> training, bool weighted)
    {
        var trainer = ml.Regression.Trainers.LightGbm(new LightGbmRegressionTrainer.Options
        {
            NumberOfIterations = options.Trees,
            NumberOfLeaves = options.Leaves,
            LearningRate = options.LearningRate,
            MinimumExampleCountPerLeaf = options.MinExamplesPerLeaf,
            NumberOfThreads = options.Threads,
            Seed = options.Seed,
            Deterministic = true,
            Silent = true,
            Verbose = false,
            LabelColumnName = nameof(DemandExample.Label),
            FeatureColumnName = nameof(DemandExample.Features),
            ExampleWeightColumnName = weighted ? nameof(DemandExample.Weight) : null,
        });
        return trainer.Fit(ml.Data.LoadFromEnumerable(training.Select(e => e.Example)));
    }

    /// <summary>
    /// Trees for the median: LightGBM in ML.NET only minimises squared error, so absolute error (in spreads, the
    /// unit of the backtest's MASE) is reached by iteratively reweighted least squares: each fit weighs an
    /// example by 1 / its last absolute error, which makes the squared loss equal the absolute loss there.
    /// </summary>
    public static ITransformer? FitMedian(MLContext ml, DemandModelOptions options, List<LabelledExample> training, CancellationToken cancellationToken)
    {
        if (options.MedianRefits <= 0)
        {
            return null;
        }

        var examples = training.Select(e => e.Example).ToList();
        // The recent weeks' median is a robust first guess, far nearer the answer than the mean for a lumpy item.
        var scores = examples.Select(e => e.Features[DemandFeatures.Median13]).ToArray();
        ITransformer? current = null;
        for (var refit = 0; refit < options.MedianRefits; refit++)
        {
            double total = 0;
            for (var i = 0; i < training.Count; i++)
            {
                var perSpread = training[i].Level / training[i].Spread;
                var error = Math.Abs(examples[i].Label - Math.Max(0, scores[i])) * perSpread;
                var weight = perSpread * perSpread / Math.Max(error, SmallestMedianError);
                examples[i].Weight = (float)weight;
                total += weight;
            }

            // Weights averaging one keep LightGBM's leaf-size limits meaning what they say.
            var scale = training.Count / total;
            foreach (var example in examples)
            {
                example.Weight = (float)(example.Weight * scale);
            }

            current = Fit(ml, options, training, weighted: true);
            cancellationToken.ThrowIfCancellationRequested();
            if (refit + 1 < options.MedianRefits)
            {
                scores = Score(ml, current, examples);
            }
        }

        return current;
    }

    public static float[] Score(MLContext ml, ITransformer trees, List<DemandExample> examples)
    {
        if (examples.Count == 0)
        {
            return [];
        }

        var scored = trees.Transform(ml.Data.LoadFromEnumerable(examples));
        return scored.GetColumn<float>(nameof(DemandScore.Score)).ToArray();
    }
}
