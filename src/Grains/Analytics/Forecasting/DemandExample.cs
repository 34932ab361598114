using Microsoft.ML.Data;

namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>One row for ML.NET: the features of a (history, horizon) pair and the scaled demand that followed.</summary>
internal sealed class DemandExample
{
    [VectorType(DemandFeatures.Count)]
    public float[] Features { get; set; } = [];

    public float Label { get; set; }

    /// <summary>How much the example counts when the median trees are fitted (the mean trees ignore it).</summary>
    public float Weight { get; set; } = 1f;
}

/// <summary>ML.NET's answer for a <see cref="DemandExample"/>: demand in units of the series' level.</summary>
internal sealed class DemandScore
{
    public float Score { get; set; }
}
