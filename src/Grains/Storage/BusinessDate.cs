namespace InventoryProFlow.Grains.Storage;

/// <summary>Business dates: the calendar day an instant falls on in a location's (or organisation's) IANA time zone.</summary>
public static class BusinessDate
{
    public static DateOnly Of(DateTimeOffset instant, string timezone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, TimeZoneInfo.FindSystemTimeZoneById(timezone)).DateTime);
}
