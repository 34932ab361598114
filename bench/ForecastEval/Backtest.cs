using System.Diagnostics;
using InventoryProFlow.Grains.Analytics.Forecasting;

namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>One forecast of a charted series from one origin.</summary>
internal sealed record ChartedForecast(int Origin, IReadOnlyList<ForecastWeek> Weeks);

/// <summary>
/// Rolling-origin backtest: at each origin the model is trained on every series' weeks before it (nothing
/// later), then the evaluated series are forecast and scored against what followed, with three baselines.
/// </summary>
internal sealed class Backtest(BacktestPlan plan, DemandModelOptions options, Action<string> progress)
{
    public BacktestResult Run(IReadOnlyList<WeeklyDemand> all, DateOnly calendarStart, string dataName, IReadOnlyList<string> charted)
    {
        var clock = Stopwatch.StartNew();
        var offsets = all.ToDictionary(s => s.Key, s => (s.StartWeek.DayNumber - calendarStart.DayNumber) / 7, StringComparer.Ordinal);
        var weeks = all.Max(s => offsets[s.Key] + s.Weeks);
        var evaluated = all.Where(s => s.Quantities.Count(q => q > 0) >= plan.MinActiveWeeks).ToList();
        var origins = plan.OriginWeeks(weeks);
        progress($"{all.Count} series, {evaluated.Count} with >= {plan.MinActiveWeeks} active weeks; {weeks} weeks; origins {string.Join(", ", origins.Select(o => calendarStart.AddDays(7 * o).ToString("yyyy-MM-dd")))}");

        var scores = evaluated.ToDictionary(s => s.Key, _ => new SeriesScore { OursByHorizon = new double[plan.Horizons], PointsByHorizon = new int[plan.Horizons] }, StringComparer.Ordinal);
        var chart = charted.ToDictionary(k => k, _ => new List<ChartedForecast>(), StringComparer.Ordinal);
        var methods = new Dictionary<string, int>(StringComparer.Ordinal);
        double absError = 0, signedError = 0, expectedSigned = 0, actualSum = 0, naiveSigned = 0, seasonalSigned = 0, movingSigned = 0;
        int points = 0, inside = 0, skippedFlat = 0, allPoints = 0, allInside = 0;
        var insideByHorizon = new int[plan.Horizons];
        var pointsByHorizon = new int[plan.Horizons];
        double trainSeconds = 0;
        DemandModel? model = null;

        // Oldest origin first, so "retrain every N" reuses a model only on later origins (never on earlier data).
        var ordered = origins.OrderBy(o => o).ToList();
        for (var n = 0; n < ordered.Count; n++)
        {
            var origin = ordered[n];
            if (model is null || n % plan.RetrainEvery == 0)
            {
                var training = all.Select(s => s.Before(origin - offsets[s.Key])).Where(s => s.Weeks > 0).ToList();
                var trainClock = Stopwatch.StartNew();
                model = DemandModel.Train(training, options);
                trainSeconds += trainClock.Elapsed.TotalSeconds;
                progress($"origin {calendarStart.AddDays(7 * origin):yyyy-MM-dd}: trained on {model.Summary.TrainingExamples} examples, calibrated on {model.Summary.CalibrationExamples} in {trainClock.Elapsed.TotalSeconds:F1} s");
            }

            // Diagnostic: the band's coverage over every series the model served at this origin, not only the long ones.
            var everyone = all.Where(s => origin - offsets[s.Key] > 0 && origin - offsets[s.Key] + plan.Horizons <= s.Weeks).ToList();
            var everyForecast = model.Forecast(everyone.Select(s => s.Before(origin - offsets[s.Key])).ToList(), plan.Horizons, plan.Confidence);
            for (var i = 0; i < everyone.Count; i++)
            {
                if (!everyForecast[i].FromModel)
                {
                    continue;
                }

                for (var h = 1; h <= plan.Horizons; h++)
                {
                    var actual = everyone[i].Quantities[origin - offsets[everyone[i].Key] + h - 1];
                    var week = everyForecast[i].Weeks[h - 1];
                    allPoints++;
                    allInside += actual >= week.Lower && actual <= week.Upper ? 1 : 0;
                }
            }

            var histories = evaluated.Select(s => s.Before(origin - offsets[s.Key])).ToList();
            var forecasts = model.Forecast(histories, plan.Horizons, plan.Confidence);
            for (var i = 0; i < evaluated.Count; i++)
            {
                var series = evaluated[i];
                var y = series.Quantities;
                var local = origin - offsets[series.Key];
                var firstSale = Array.FindIndex(y.ToArray(), q => q > 0);
                if (local - firstSale < 2)
                {
                    continue;
                }

                // MASE's unit: the one-step naive error over the training part only.
                double scale = 0;
                for (var t = firstSale + 1; t < local; t++)
                {
                    scale += Math.Abs(y[t] - y[t - 1]);
                }

                scale /= local - firstSale - 1;
                if (scale <= 0)
                {
                    skippedFlat++;
                    continue;
                }

                var forecast = forecasts[i];
                methods[forecast.Method] = methods.GetValueOrDefault(forecast.Method) + 1;
                if (chart.TryGetValue(series.Key, out var charts))
                {
                    charts.Add(new ChartedForecast(origin, forecast.Weeks));
                }

                var score = scores[series.Key];
                var movingAverage = Enumerable.Range(local - 4, 4).Where(t => t >= 0).Select(t => y[t]).DefaultIfEmpty(0).Average();
                for (var h = 1; h <= plan.Horizons; h++)
                {
                    var target = local + h - 1;
                    var actual = y[target];
                    var week = forecast.Weeks[h - 1];
                    var seasonal = target - 52 >= 0 ? y[target - 52] : y[local - 1];
                    score.Ours += Math.Abs(actual - week.Predicted) / scale;
                    score.Naive += Math.Abs(actual - y[local - 1]) / scale;
                    score.SeasonalNaive += Math.Abs(actual - seasonal) / scale;
                    score.MovingAverage4 += Math.Abs(actual - movingAverage) / scale;
                    score.Expected += Math.Abs(actual - week.Expected) / scale;
                    score.OursByHorizon[h - 1] += Math.Abs(actual - week.Predicted) / scale;
                    score.PointsByHorizon[h - 1]++;
                    score.Points++;
                    absError += Math.Abs(actual - week.Predicted);
                    signedError += week.Predicted - actual;
                    expectedSigned += week.Expected - actual;
                    naiveSigned += y[local - 1] - actual;
                    seasonalSigned += seasonal - actual;
                    movingSigned += movingAverage - actual;
                    actualSum += actual;
                    points++;
                    pointsByHorizon[h - 1]++;
                    if (actual >= week.Lower && actual <= week.Upper)
                    {
                        inside++;
                        insideByHorizon[h - 1]++;
                    }
                }
            }

            progress($"origin {calendarStart.AddDays(7 * origin):yyyy-MM-dd}: scored {evaluated.Count} series ({clock.Elapsed.TotalSeconds:F0} s so far)");
        }

        var scored = scores.Values.Where(s => s.Points > 0).ToList();
        double Mean(Func<SeriesScore, double> term) => scored.Average(s => term(s) / s.Points);
        var ours = Mean(s => s.Ours);
        var baselines = new BaselineMase(Mean(s => s.Naive), Mean(s => s.SeasonalNaive), Mean(s => s.MovingAverage4));
        var best = Math.Min(baselines.Naive, Math.Min(baselines.SeasonalNaive, baselines.MovingAverage4));
        var byHorizon = Enumerable.Range(0, plan.Horizons).Select(h => new HorizonScore(
            h + 1,
            scored.Where(s => s.PointsByHorizon[h] > 0).Average(s => s.OursByHorizon[h] / s.PointsByHorizon[h]),
            (double)insideByHorizon[h] / pointsByHorizon[h])).ToList();

        return new BacktestResult(
            dataName,
            scored.Count,
            ordered.Count,
            plan.Horizons,
            points,
            ours,
            baselines,
            ours / best,
            absError / points,
            signedError / points,
            signedError / actualSum,
            new ExpectedDemandScore(Mean(s => s.Expected), expectedSigned / points, expectedSigned / actualSum),
            new BaselineBias(naiveSigned / points, seasonalSigned / points, movingSigned / points),
            (double)plan.Confidence,
            (double)inside / points,
            (double)allInside / Math.Max(1, allPoints),
            allPoints,
            byHorizon,
            methods,
            skippedFlat,
            plan.RetrainEvery,
            Math.Round(trainSeconds, 1),
            Math.Round(clock.Elapsed.TotalSeconds, 1))
        {
            Chart = chart,
        };
    }
}
