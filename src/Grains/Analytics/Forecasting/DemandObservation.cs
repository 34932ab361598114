namespace InventoryProFlow.Grains.Analytics.Forecasting;

/// <summary>A quantity that left stock on a day for one series (a sale line, or a return as a negative quantity).</summary>
public sealed record DemandObservation(string Key, DateOnly Date, double Quantity);
