using System.Diagnostics;
using System.Text.Json;
using InventoryProFlow.Bench.ForecastEval;
using InventoryProFlow.Grains.Analytics.Forecasting;

// Usage: ForecastEval <sales.csv> <output dir>   (scripts/forecast-eval.sh passes both)
if (args.Length != 2)
{
    Console.Error.WriteLine("usage: ForecastEval <sales.csv> <output-dir>");
    return 2;
}

var (dataPath, outputDir) = (args[0], args[1]);
var clock = Stopwatch.StartNew();
void Progress(string message) => Console.Error.WriteLine($"forecast-eval [{clock.Elapsed.TotalSeconds,5:F0} s] {message}");

var (observations, lastDate) = SalesFile.Read(dataPath);
Progress($"read {observations.Count} lines from {dataPath}, last date {lastDate:yyyy-MM-dd}");

// Invoices fall on weekdays: a last week that reaches Friday is treated as complete, an earlier one is dropped.
var lastWeek = WeeklyDemand.WeekOf(lastDate);
var through = lastDate.DayNumber - lastWeek.DayNumber >= 4 ? lastWeek : lastWeek.AddDays(-7);
var series = WeeklyDemandBuilder.Build(observations, through);
observations = null;
var calendarStart = series.Min(s => s.StartWeek);

var plan = new BacktestPlan(Origins: 9, OriginStepWeeks: 6, Horizons: 4, Confidence: 0.8m, MinActiveWeeks: 104, RetrainEvery: 1);
var evaluated = series.Where(s => s.Quantities.Count(q => q > 0) >= plan.MinActiveWeeks).ToList();
// Charted: the busiest series and three spread through the volume ranking, so big and small items both show.
var ranked = evaluated.OrderByDescending(s => s.Quantities.Sum()).ToList();
var charted = new[] { 0, ranked.Count / 4, ranked.Count / 2, 3 * ranked.Count / 4 }
    .Where(i => i < ranked.Count).Distinct().Select(i => ranked[i]).ToList();

var result = new Backtest(plan, new DemandModelOptions(), Progress).Run(series, calendarStart, Path.GetFileName(dataPath), charted.Select(s => s.Key).ToList());

Directory.CreateDirectory(outputDir);
var json = JsonSerializer.Serialize(result, new JsonSerializerOptions { PropertyNamingPolicy = JsonNamingPolicy.CamelCase });
File.WriteAllText(Path.Combine(outputDir, "result.json"), json + "\n");
File.WriteAllText(Path.Combine(outputDir, "chart.svg"), ForecastChart.Draw(charted, result.Chart, calendarStart, result.StatedConfidence));
Progress($"wrote {Path.Combine(outputDir, "result.json")} and chart.svg");
Console.WriteLine(json);
return 0;
