namespace InventoryProFlow.Grains.Compliance;

/// <summary>What a due date does when it falls on a Saturday, Sunday or federal holiday; each form's law says which.</summary>
public enum ClosedDayRule
{
    /// <summary>Move to the next business day (26 U.S.C. 7503, Texas Tax Code 111.053 and most state codes).</summary>
    NextBusinessDay,

    /// <summary>Move to the last business day before (federal excise returns: 26 U.S.C. 5061(d), 27 CFR 19.236).</summary>
    PrecedingBusinessDay,

    /// <summary>The date stands as written.</summary>
    None,
}

/// <summary>Applying a <see cref="ClosedDayRule"/>.</summary>
public static class ClosedDays
{
    public static DateOnly Apply(this ClosedDayRule rule, DateOnly date) => rule switch
    {
        ClosedDayRule.NextBusinessDay => BusinessDays.OnOrAfter(date),
        ClosedDayRule.PrecedingBusinessDay => BusinessDays.OnOrBefore(date),
        ClosedDayRule.None => date,
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };

    public static string Describe(this ClosedDayRule rule) => rule switch
    {
        ClosedDayRule.NextBusinessDay => "weekend or federal holiday: next business day",
        ClosedDayRule.PrecedingBusinessDay => "weekend or federal holiday: preceding business day",
        ClosedDayRule.None => "no weekend or holiday shift",
        _ => throw new ArgumentOutOfRangeException(nameof(rule), rule, null),
    };
}
