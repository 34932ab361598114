namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// The filings a licensee owes over a range of dates: a location's state filings by its state and licence type, a
/// distilled spirits plant's TTB filings by its excise filing frequency. Retail dealers under 27 CFR 31 keep records
/// but file nothing periodic, so they have no obligations here.
/// </summary>
public sealed class FilingObligations(StateRuleBook rules)
{
    private static readonly string[][] OperationsReports =
    [
        ["TTB F 5110.40", "Monthly Report of Production Operations"],
        ["TTB F 5110.11", "Monthly Report of Storage Operations"],
        ["TTB F 5110.28", "Monthly Report of Processing Operations"],
        ["TTB F 5110.43", "Monthly Report of Processing (Denaturing) Operations"],
    ];

    private const string ExciseReturnForm = "TTB F 5000.24";
    private const string ExciseReturnAuthority = "TTB, 26 U.S.C. 5061; 27 CFR 19.235-19.237";

    /// <summary>The obligations under the product's own state rules.</summary>
    public static FilingObligations Standard { get; } = new(StateRuleBook.Embedded);

    /// <summary>
    /// A location's state filings (the ABC report, any gross-receipts tax, any food-ratio review for its licence type)
    /// whose periods end within [<paramref name="from"/>, <paramref name="to"/>], by due date. Annual filings follow
    /// the licence year when <paramref name="licenceIssued"/> is known, else the calendar year.
    /// </summary>
    public IReadOnlyList<Obligation> ForLocation(string? state, string? licenceType, DateOnly from, DateOnly to, DateOnly? licenceIssued = null)
    {
        CheckRange(from, to);
        var rule = rules.For(state);
        var filings = new List<StateFiling> { rule.AbcReport };
        filings.AddRange(rule.TaxesFor(licenceType).Select(t => t.Filing));
        if (rule.FoodRatio is { } food && food.Filing.AppliesTo(licenceType))
        {
            filings.Add(food.Filing);
        }

        return filings
            .Where(f => f.AppliesTo(licenceType))
            .SelectMany(f => FilingPeriods.Ending(f.Frequency, from, to, licenceIssued).Select(p =>
                new Obligation(f.Form, f.Title, f.Authority, p.Start, p.End, f.Due.For(p.End), f.Due.Describe(f.Frequency))))
            .OrderBy(o => o.DueDate).ThenBy(o => o.Form, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// A distilled spirits plant's TTB filings whose periods end within [<paramref name="from"/>, <paramref name="to"/>]:
    /// the four monthly operations reports (27 CFR 19.632, zeros included) and TTB F 5000.24 for each return period
    /// of <paramref name="frequency"/>. Semimonthly filers get September's accelerated period, split as for
    /// <paramref name="electronicFundTransfer"/> payers (required from $5 million of tax a year) or not.
    /// </summary>
    public static IReadOnlyList<Obligation> ForDistilleryPlant(
        ExciseFilingFrequency frequency, DateOnly from, DateOnly to, bool electronicFundTransfer = false)
    {
        CheckRange(from, to);
        var obligations = new List<Obligation>();
        foreach (var month in FilingPeriods.Ending(ReportFrequency.Monthly, from, to))
        {
            obligations.AddRange(OperationsReports.Select(r => new Obligation(
                r[0], r[1], "TTB, 27 CFR 19.632", month.Start, month.End, TtbDueDates.OperationsReport(month.End), TtbDueDates.OperationsReportRule)));
        }

        obligations.AddRange(frequency switch
        {
            // A September split can end a part inside the range while the whole half-month ends after it.
            ExciseFilingFrequency.Semimonthly => SemimonthlyReturns(from, to.AddDays(4), electronicFundTransfer).Where(o => o.PeriodEnd <= to),
            ExciseFilingFrequency.Quarterly => Returns(FilingPeriods.Ending(ReportFrequency.Quarterly, from, to), "quarterly"),
            ExciseFilingFrequency.Annual => Returns(FilingPeriods.Ending(ReportFrequency.Annual, from, to), "annual"),
            _ => throw new ArgumentOutOfRangeException(nameof(frequency), frequency, null),
        });
        return obligations.OrderBy(o => o.DueDate).ThenBy(o => o.PeriodEnd).ThenBy(o => o.Form, StringComparer.Ordinal).ToList();
    }

    private static IEnumerable<Obligation> Returns(IEnumerable<FilingPeriod> periods, string kind) =>
        periods.Select(p => new Obligation(
            ExciseReturnForm, $"Excise Tax Return ({kind})", ExciseReturnAuthority, p.Start, p.End, TtbDueDates.ExciseReturn(p.End), TtbDueDates.ExciseReturnRule));

    private static IEnumerable<Obligation> SemimonthlyReturns(DateOnly from, DateOnly to, bool electronicFundTransfer)
    {
        foreach (var half in FilingPeriods.SemimonthlyEnding(from, to))
        {
            var period = half;
            if (period.Start is { Month: 9, Day: 16 })
            {
                var (accelerated, due, remainder) = TtbDueDates.SeptemberAccelerated(period.Start.Year, electronicFundTransfer);
                foreach (var part in Returns([accelerated], "semimonthly, September accelerated").Select(o => o with { DueDate = due, DueRule = TtbDueDates.SeptemberRule }))
                {
                    yield return part;
                }

                // 26 U.S.C. 5061(d) splits the period, so the rest of September is its own return.
                period = remainder;
            }

            foreach (var ret in Returns([period], "semimonthly"))
            {
                yield return ret;
            }
        }
    }

    private static void CheckRange(DateOnly from, DateOnly to)
    {
        if (from > to)
        {
            throw new ArgumentException($"The range starts ({from:yyyy-MM-dd}) after it ends ({to:yyyy-MM-dd}).", nameof(from));
        }
    }
}
