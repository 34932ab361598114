using System.Text.Json.Serialization;

namespace InventoryProFlow.Bench.ForecastEval;

/// <summary>MASE of the simple forecasts the model must beat.</summary>
internal sealed record BaselineMase(double Naive, double SeasonalNaive, double MovingAverage4);

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
    double StatedConfidence,
    double Coverage,
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
