namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>What a model was trained on, kept with it for the audit trail and the retraining grain.</summary>
/// <param name="Series">Series offered to training.</param>
/// <param name="TrainingExamples">Examples the trees were fitted on.</param>
/// <param name="CalibrationExamples">Held-out examples whose errors set the intervals.</param>
/// <param name="LastWeek">Monday of the latest week seen in any series.</param>
public sealed record DemandModelSummary(int Series, int TrainingExamples, int CalibrationExamples, DateOnly LastWeek);
