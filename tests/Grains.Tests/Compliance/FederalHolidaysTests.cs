using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>5 U.S.C. 6103 holidays and the weekend observance rule, checked against the OPM calendars for these years.</summary>
public sealed class FederalHolidaysTests
{
    [Fact]
    public void The_eleven_holidays_of_2026_fall_and_are_observed_on_these_days()
    {
        var observed = FederalHolidays.In(2026).Select(h => h.Observed).ToList();

        Assert.Equal(
            Dates("2026-01-01", "2026-01-19", "2026-02-16", "2026-05-25", "2026-06-19", "2026-07-03", "2026-09-07", "2026-10-12",
                "2026-11-11", "2026-11-26", "2026-12-25"),
            observed);
        // Independence Day 2026 is a Saturday: the Friday before is the day off.
        Assert.Equal(new DateOnly(2026, 7, 4), FederalHolidays.In(2026).Single(h => h.Name == "Independence Day").Date);
    }

    [Fact]
    public void In_2027_saturday_holidays_move_to_friday_and_sunday_holidays_to_monday()
    {
        var observed = FederalHolidays.In(2027).Select(h => h.Observed).ToList();

        Assert.Equal(
            Dates("2027-01-01", "2027-01-18", "2027-02-15", "2027-05-31", "2027-06-18", "2027-07-05", "2027-09-06", "2027-10-11",
                "2027-11-11", "2027-11-25", "2027-12-24"),
            observed);
    }

    [Fact]
    public void New_years_day_on_a_saturday_is_observed_on_31_december_of_the_year_before()
    {
        Assert.True(FederalHolidays.IsObserved(new DateOnly(2027, 12, 31)));
        Assert.True(FederalHolidays.IsObserved(new DateOnly(2021, 12, 31)));
        Assert.False(FederalHolidays.IsObserved(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Juneteenth_is_a_holiday_from_2021_only()
    {
        Assert.Equal(10, FederalHolidays.In(2020).Count);
        Assert.Equal(11, FederalHolidays.In(2021).Count);
        // 19 June 2021 was a Saturday; 20 June 2022 a Monday after a Sunday holiday.
        Assert.True(FederalHolidays.IsObserved(new DateOnly(2021, 6, 18)));
        Assert.True(FederalHolidays.IsObserved(new DateOnly(2022, 6, 20)));
        Assert.False(FederalHolidays.IsObserved(new DateOnly(2020, 6, 19)));
    }

    [Theory]
    [InlineData("2024-01-15", "2024-01-16", "2024-01-12")] // MLK Day
    [InlineData("2019-10-14", "2019-10-15", "2019-10-11")] // Columbus Day
    [InlineData("2026-11-26", "2026-11-27", "2026-11-25")] // Thanksgiving; the Friday after is a working day
    [InlineData("2026-07-04", "2026-07-06", "2026-07-02")] // Saturday after the observed Friday
    [InlineData("2027-12-25", "2027-12-27", "2027-12-23")] // Christmas on a Saturday, observed Friday 24th
    public void Next_and_preceding_business_days_skip_weekends_and_observed_holidays(string day, string next, string preceding)
    {
        var date = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        Assert.False(BusinessDays.IsBusinessDay(date));
        Assert.Equal(DateOnly.Parse(next, System.Globalization.CultureInfo.InvariantCulture), BusinessDays.OnOrAfter(date));
        Assert.Equal(DateOnly.Parse(preceding, System.Globalization.CultureInfo.InvariantCulture), BusinessDays.OnOrBefore(date));
    }

    [Fact]
    public void A_business_day_is_its_own_on_or_after_but_next_is_strictly_later()
    {
        var wednesday = new DateOnly(2026, 5, 13);

        Assert.Equal(wednesday, BusinessDays.OnOrAfter(wednesday));
        Assert.Equal(wednesday, BusinessDays.OnOrBefore(wednesday));
        Assert.Equal(new DateOnly(2026, 5, 14), BusinessDays.Next(wednesday));
        Assert.Equal(new DateOnly(2026, 5, 12), BusinessDays.Preceding(wednesday));
        Assert.Equal(new DateOnly(2026, 5, 26), BusinessDays.Next(new DateOnly(2026, 5, 22))); // Memorial Day weekend
    }

    private static List<DateOnly> Dates(params string[] days) =>
        days.Select(d => DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture)).ToList();
}
