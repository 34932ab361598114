namespace InventoryProFlow.Grains.Compliance;

/// <summary>The TTB's due dates for a distilled spirits plant: the monthly operations reports and the excise tax return.</summary>
public static class TtbDueDates
{
    /// <summary>
    /// TTB F 5110.40, 5110.11, 5110.28 and 5110.43 are due by the 15th of the month after the month reported
    /// (27 CFR 19.632(b)). They are reports, not tax returns, so 26 U.S.C. 7503 (27 CFR 70.306) moves a 15th that
    /// falls on a weekend or legal holiday to the next business day.
    /// </summary>
    public static DateOnly OperationsReport(DateOnly monthEnd) =>
        ClosedDayRule.NextBusinessDay.Apply(new DateOnly(monthEnd.Year, monthEnd.Month, 1).AddMonths(1).AddDays(14));

    public const string OperationsReportRule =
        "15th of the following month; weekend or federal holiday: next business day (27 CFR 19.632(b); 26 U.S.C. 7503)";

    /// <summary>
    /// TTB F 5000.24 is due the 14th day after its period ends, moved back to the preceding business day when that day
    /// is a Saturday, Sunday or legal holiday (26 U.S.C. 5061(d); 27 CFR 19.236), whatever the return period. The
    /// accelerated September periods have their own rule: see <see cref="SeptemberAccelerated"/>.
    /// </summary>
    public static DateOnly ExciseReturn(DateOnly periodEnd) => ClosedDayRule.PrecedingBusinessDay.Apply(periodEnd.AddDays(14));

    public const string ExciseReturnRule =
        "14th day after the period ends; weekend or federal holiday: preceding business day (26 U.S.C. 5061(d); 27 CFR 19.236)";

    /// <summary>
    /// The second September period of a semimonthly filer is split (26 U.S.C. 5061(d), special rule for September;
    /// 27 CFR 19.237): by electronic fund transfer, 16-26 September is due 29 September; otherwise 16-25 September
    /// is due 28 September. That date moves to the preceding day on a Saturday or holiday but to the following day
    /// on a Sunday. The rest of September (27th or 26th to 30th) is due 14 October like any other period.
    /// </summary>
    public static (FilingPeriod Accelerated, DateOnly Due, FilingPeriod Remainder) SeptemberAccelerated(int year, bool electronicFundTransfer)
    {
        var lastAccelerated = electronicFundTransfer ? 26 : 25;
        var accelerated = new FilingPeriod(new DateOnly(year, 9, 16), new DateOnly(year, 9, lastAccelerated));
        var rest = new FilingPeriod(new DateOnly(year, 9, lastAccelerated + 1), new DateOnly(year, 9, 30));
        var due = new DateOnly(year, 9, lastAccelerated + 3);
        due = due.DayOfWeek == DayOfWeek.Sunday ? BusinessDays.OnOrAfter(due) : BusinessDays.OnOrBefore(due);
        return (accelerated, due, rest);
    }

    public const string SeptemberRule =
        "accelerated September period: 29 September by EFT, 28 September otherwise; Saturday or holiday: preceding day, Sunday: following day (26 U.S.C. 5061(d); 27 CFR 19.237)";
}
