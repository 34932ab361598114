namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>How a <see cref="DemandModel"/> is trained. The defaults keep one training near half a minute on two cores.</summary>
public sealed record DemandModelOptions
{
    /// <summary>Longest horizon learned, in weeks (13 covers a 90-day forecast); longer asks reuse this horizon's model.</summary>
    public int MaxHorizonWeeks { get; init; } = 13;

    /// <summary>Weeks since the first sale before the model is trusted; shorter histories get the fallback.</summary>
    public int MinHistoryWeeks { get; init; } = 13;

    /// <summary>The latest weeks held out of training to measure the errors that set the intervals.</summary>
    public int CalibrationWeeks { get; init; } = 13;

    /// <summary>Training examples kept at most (a seeded random sample), which bounds training time.</summary>
    public int MaxTrainingExamples { get; init; } = 150_000;

    /// <summary>Calibration examples kept at most.</summary>
    public int MaxCalibrationExamples { get; init; } = 60_000;

    /// <summary>Boosting rounds.</summary>
    public int Trees { get; init; } = 400;

    /// <summary>Leaves per tree.</summary>
    public int Leaves { get; init; } = 63;

    /// <summary>Learning rate of the boosting.</summary>
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Fewest examples in a leaf.</summary>
    public int MinExamplesPerLeaf { get; init; } = 100;

    /// <summary>Threads LightGBM may use.</summary>
    public int Threads { get; init; } = 2;

    /// <summary>
    /// Reweighted fits of the median trees, starting from the mean trees' errors: each one moves the point closer
    /// to the median (least absolute error in spreads); 0 shows the mean as the point.
    /// </summary>
    public int MedianRefits { get; init; } = 2;

    /// <summary>Seed of the sampling and of the trainer, so the same ledger gives the same model.</summary>
    public int Seed { get; init; } = 17;
}
