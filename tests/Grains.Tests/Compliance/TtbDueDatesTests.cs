using System.Globalization;
using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>Due dates of a distilled spirits plant's TTB filings, each with its own weekend and holiday rule.</summary>
public sealed class TtbDueDatesTests
{
    [Theory]
    [InlineData("2026-04-30", "2026-05-15")] // a Friday: as written
    [InlineData("2026-07-31", "2026-08-17")] // 15 August 2026 is a Saturday
    [InlineData("2026-10-31", "2026-11-16")] // 15 November 2026 is a Sunday
    [InlineData("2023-12-31", "2024-01-16")] // 15 January 2024 is Martin Luther King Day
    [InlineData("2027-01-31", "2027-02-16")] // 15 February 2027 is Washington's Birthday
    public void Operations_reports_are_due_the_15th_or_the_next_business_day(string monthEnd, string due) =>
        Assert.Equal(D(due), TtbDueDates.OperationsReport(D(monthEnd)));

    /// <summary>The TTB's published schedule for 2019 (EFT payers), which "takes into account all federal holidays".</summary>
    [Fact]
    public void Semimonthly_excise_returns_of_2019_match_the_ttb_schedule()
    {
        var returns = FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Semimonthly, D("2019-01-01"), D("2019-12-31"), electronicFundTransfer: true)
            .Where(o => o.Form == "TTB F 5000.24")
            .Select(o => (o.PeriodStart.ToString("MM-dd", CultureInfo.InvariantCulture), o.PeriodEnd.ToString("MM-dd", CultureInfo.InvariantCulture), o.DueDate))
            .ToList();

        Assert.Equal(
            [
                ("01-01", "01-15", D("2019-01-29")), ("01-16", "01-31", D("2019-02-14")),
                ("02-01", "02-15", D("2019-03-01")), ("02-16", "02-28", D("2019-03-14")),
                ("03-01", "03-15", D("2019-03-29")), ("03-16", "03-31", D("2019-04-12")),
                ("04-01", "04-15", D("2019-04-29")), ("04-16", "04-30", D("2019-05-14")),
                ("05-01", "05-15", D("2019-05-29")), ("05-16", "05-31", D("2019-06-14")),
                ("06-01", "06-15", D("2019-06-28")), ("06-16", "06-30", D("2019-07-12")),
                ("07-01", "07-15", D("2019-07-29")), ("07-16", "07-31", D("2019-08-14")),
                ("08-01", "08-15", D("2019-08-29")), ("08-16", "08-31", D("2019-09-13")),
                ("09-01", "09-15", D("2019-09-27")), ("09-16", "09-26", D("2019-09-30")), ("09-27", "09-30", D("2019-10-11")),
                ("10-01", "10-15", D("2019-10-29")), ("10-16", "10-31", D("2019-11-14")),
                ("11-01", "11-15", D("2019-11-29")), ("11-16", "11-30", D("2019-12-13")),
                ("12-01", "12-15", D("2019-12-27")), ("12-16", "12-31", D("2020-01-14")),
            ],
            returns);
    }

    [Fact]
    public void Without_eft_september_splits_on_the_25th_and_a_saturday_due_date_moves_back()
    {
        var september = FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Semimonthly, D("2019-09-01"), D("2019-09-30"))
            .Where(o => o.Form == "TTB F 5000.24")
            .Select(o => (o.PeriodStart, o.PeriodEnd, o.DueDate))
            .ToList();

        // 28 September 2019 was a Saturday; 14 October 2019 was Columbus Day.
        Assert.Equal(
            [(D("2019-09-01"), D("2019-09-15"), D("2019-09-27")), (D("2019-09-16"), D("2019-09-25"), D("2019-09-27")), (D("2019-09-26"), D("2019-09-30"), D("2019-10-11"))],
            september);
    }

    [Theory]
    [InlineData(2024, true, "2024-09-30")] // 29 September 2024 is a Sunday: the following day
    [InlineData(2024, false, "2024-09-27")] // 28 September 2024 is a Saturday: the preceding day
    [InlineData(2025, false, "2025-09-29")] // 28 September 2025 is a Sunday
    [InlineData(2026, true, "2026-09-29")]
    public void The_accelerated_september_return_moves_back_on_saturday_and_forward_on_sunday(int year, bool eft, string due) =>
        Assert.Equal(D(due), TtbDueDates.SeptemberAccelerated(year, eft).Due);

    [Theory]
    [InlineData("2026-05-31", "2026-06-12")] // 14 June 2026 is a Sunday: the Friday before
    [InlineData("2026-06-30", "2026-07-14")]
    [InlineData("2024-09-30", "2024-10-11")] // 14 October 2024 is Columbus Day
    [InlineData("2025-03-31", "2025-04-14")]
    [InlineData("2026-12-31", "2027-01-14")]
    public void Excise_returns_are_due_the_14th_day_after_or_the_preceding_business_day(string periodEnd, string due) =>
        Assert.Equal(D(due), TtbDueDates.ExciseReturn(D(periodEnd)));

    [Fact]
    public void A_quarterly_filer_owes_one_return_a_quarter_and_four_reports_a_month()
    {
        var obligations = FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Quarterly, D("2024-07-01"), D("2024-09-30"));

        Assert.Equal(12, obligations.Count(o => o.Form.StartsWith("TTB F 5110.", StringComparison.Ordinal)));
        var quarterly = Assert.Single(obligations, o => o.Form == "TTB F 5000.24");
        Assert.Equal((D("2024-07-01"), D("2024-09-30"), D("2024-10-11")), (quarterly.PeriodStart, quarterly.PeriodEnd, quarterly.DueDate));
        Assert.Contains("preceding business day", quarterly.DueRule, StringComparison.Ordinal);
        var august = obligations.Where(o => o.PeriodEnd == D("2024-08-31")).Select(o => o.Form).ToList();
        Assert.Equal(["TTB F 5110.11", "TTB F 5110.28", "TTB F 5110.40", "TTB F 5110.43"], august);
        Assert.All(obligations.Where(o => o.PeriodEnd == D("2024-08-31")), o => Assert.Equal(D("2024-09-16"), o.DueDate)); // 15th a Sunday
    }

    [Fact]
    public void An_annual_filer_owes_the_return_on_14_january_and_only_for_years_ending_in_the_range()
    {
        var obligations = FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Annual, D("2026-01-01"), D("2026-12-31"));

        var annual = Assert.Single(obligations, o => o.Form == "TTB F 5000.24");
        Assert.Equal((D("2026-01-01"), D("2026-12-31"), D("2027-01-14")), (annual.PeriodStart, annual.PeriodEnd, annual.DueDate));
        Assert.DoesNotContain(FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Annual, D("2026-01-01"), D("2026-12-30")), o => o.Form == "TTB F 5000.24");
    }

    [Fact]
    public void A_september_part_ending_in_the_range_is_listed_even_when_the_half_month_ends_after_it()
    {
        var obligations = FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Semimonthly, D("2026-09-20"), D("2026-09-27"), electronicFundTransfer: true);

        var accelerated = Assert.Single(obligations);
        Assert.Equal((D("2026-09-16"), D("2026-09-26"), D("2026-09-29")), (accelerated.PeriodStart, accelerated.PeriodEnd, accelerated.DueDate));
    }

    [Fact]
    public void A_range_that_ends_before_it_starts_is_refused() =>
        Assert.Throws<ArgumentException>(() => FilingObligations.ForDistilleryPlant(ExciseFilingFrequency.Semimonthly, D("2026-02-01"), D("2026-01-01")));

    private static DateOnly D(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);
}
