namespace InventoryProFlow.Grains.Storage;

/// <summary>Business dates: the calendar day an instant falls on in a location's (or organisation's) IANA time zone.</summary>
public static class BusinessDate
{
    public static DateOnly Of(DateTimeOffset instant, string timezone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timezone)).DateTime);

    /// <summary>Today in a time zone, by the product's clock: a licence expires at the end of its local day.</summary>
    public static DateOnly Today(this TimeProvider time, string timezone) => Of(time.GetUtcNow(), timezone);
}
