using System.Text.Json.Serialization;

namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>MASE of the simple forecasts the model must beat.</summary>
internal sealed record BaselineMase(double Naive, double SeasonalNaive, double MovingAverage4);

/// <summary>Mean error (forecast minus actual, units) of the simple forecasts, to compare with the model's bias.</summary>
internal sealed record BaselineBias(double Naive, double SeasonalNaive, double MovingAverage4);

/// <summary>The same figures for the mean forecast (what orders are sized from), beside the point the API shows.</summary>
internal sealed record ExpectedDemandScore(double Mase, double Bias, double BiasShareOfDemand);

/// <summary>Accuracy and interval coverage at one horizon.</summary>
internal sealed record HorizonScore(int Horizon, double Mase, double Coverage);

/// <summary>The figures `make forecast-eval` prints as JSON.</summary>
internal sealed record BacktestResult(
    string Data,
    int Series,
    int Origins,
    int Horizons,
    int Points,
    double Mase,
    BaselineMase Baselines,
    double MaseRatio,
    double Mae,
    double Bias,
    double BiasShareOfDemand,
    ExpectedDemandScore ExpectedDemand,
    BaselineBias BaselineBias,
    double StatedConfidence,
    double Coverage,
    double CoverageAllModelSeries,
    int AllModelSeriesPoints,
    IReadOnlyList<HorizonScore> ByHorizon,
    IReadOnlyDictionary<string, int> Methods,
    int SkippedFlatPoints,
    int RetrainEvery,
    double TrainSeconds,
    double BacktestSeconds)
{
    [JsonIgnore]
    public IReadOnlyDictionary<string, List<ChartedForecast>> Chart { get; init; } = new Dictionary<string, List<ChartedForecast>>();
}
