namespace InventoryProFlow.Grains.Compliance;

/// <summary>How a tax is taken to the cent.</summary>
public enum TaxRounding
{
    /// <summary>Half a cent or more rounds up, as most tax forms say.</summary>
    HalfAwayFromZero,

    /// <summary>Fractions of a cent are dropped.</summary>
    ToZero,
}

/// <summary>
/// When a state filing is due: either a day of the month after the period (<paramref name="DayOfMonth"/>, clamped to
/// short months) or a number of days after the period ends, then the state's weekend and holiday rule.
/// </summary>
public sealed record DueDay(int? DayOfMonth, int? DaysAfterPeriodEnd, ClosedDayRule IfClosed, string? ClosedDayAuthority)
{
    public DateOnly For(DateOnly periodEnd)
    {
        DateOnly written;
        if (DayOfMonth is { } day)
        {
            var month = new DateOnly(periodEnd.Year, periodEnd.Month, 1).AddMonths(1);
            written = month.AddDays(Math.Min(day, DateTime.DaysInMonth(month.Year, month.Month)) - 1);
        }
        else
        {
            written = periodEnd.AddDays(DaysAfterPeriodEnd ?? 0);
        }

        return IfClosed.Apply(written);
    }

    public string Describe(ReportFrequency frequency)
    {
        var when = DayOfMonth is { } day
            ? frequency == ReportFrequency.Monthly ? $"{Ordinal(day)} of the following month" : $"{Ordinal(day)} of the month after the {PeriodName(frequency)}"
            : DaysAfterPeriodEnd == 1 ? $"the day after the {PeriodName(frequency)} ends" : $"{DaysAfterPeriodEnd} days after the {PeriodName(frequency)} ends";
        var shift = IfClosed.Describe();
        return ClosedDayAuthority is { Length: > 0 } authority ? $"{when}; {shift} ({authority})" : $"{when}; {shift}";
    }

    private static string PeriodName(ReportFrequency frequency) => frequency switch
    {
        ReportFrequency.Monthly => "month",
        ReportFrequency.Quarterly => "quarter",
        _ => "year",
    };

    private static string Ordinal(int day) => (day % 100) switch
    {
        11 or 12 or 13 => $"{day}th",
        _ => (day % 10) switch { 1 => $"{day}st", 2 => $"{day}nd", 3 => $"{day}rd", _ => $"{day}th" },
    };
}

/// <summary>A recurring state filing and the licence types that owe it (none listed: every licence type).</summary>
public sealed record StateFiling(
    string Form, string Title, string Authority, ReportFrequency Frequency, DueDay Due, IReadOnlyList<string> LicenceTypes)
{
    public bool AppliesTo(string? licenceType) =>
        LicenceTypes.Count == 0 || (licenceType is not null && LicenceTypes.Contains(licenceType.Trim(), StringComparer.OrdinalIgnoreCase));
}

/// <summary>A tax on gross receipts (Texas mixed beverage gross receipts, the Kansas liquor drink tax...).</summary>
public sealed record GrossReceiptsTaxRule(StateFiling Filing, decimal Rate, string Base, TaxRounding Rounding);

/// <summary>A minimum share of food in food plus mixed-beverage sales (Virginia's 45 %), reviewed on a filing.</summary>
public sealed record FoodRatioRule(StateFiling Filing, decimal MinimumFoodShare);

/// <summary>What one state asks of a licensed location, as configured in Rules/state-rules.json.</summary>
public sealed record StateRule(
    string Code, string Name, StateFiling AbcReport, IReadOnlyList<GrossReceiptsTaxRule> Taxes, FoodRatioRule? FoodRatio)
{
    public IEnumerable<GrossReceiptsTaxRule> TaxesFor(string? licenceType) => Taxes.Where(t => t.Filing.AppliesTo(licenceType));
}
