using System.Globalization;
using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>A location's state filings from the product's Rules/state-rules.json, by state and licence type.</summary>
public sealed class StateFilingsTests
{
    private static readonly FilingObligations Obligations = FilingObligations.Standard;

    [Theory]
    [InlineData("2017-09-30", "2017-10-20")] // a Friday
    [InlineData("2026-08-31", "2026-09-21")] // 20 September 2026 is a Sunday
    [InlineData("2024-12-31", "2025-01-21")] // 20 January 2025 is Martin Luther King Day
    [InlineData("2023-01-31", "2023-02-21")] // 20 February 2023 is Washington's Birthday
    [InlineData("2022-05-31", "2022-06-21")] // 20 June 2022 is Juneteenth observed
    public void Texas_mixed_beverage_tax_is_due_the_20th_or_the_next_business_day(string monthEnd, string due)
    {
        var obligations = Obligations.ForLocation("TX", "MB", D(monthEnd), D(monthEnd));

        var tax = Assert.Single(obligations, o => o.Title == "Mixed Beverage Gross Receipts Tax");
        Assert.Equal(D(due), tax.DueDate);
        Assert.Equal(new DateOnly(D(monthEnd).Year, D(monthEnd).Month, 1), tax.PeriodStart);
        Assert.Equal("20th of the following month; weekend or federal holiday: next business day (Texas Tax Code 111.053)", tax.DueRule);
    }

    [Fact]
    public void A_texas_package_store_owes_the_abc_report_but_not_the_mixed_beverage_tax()
    {
        var obligations = Obligations.ForLocation("tx", "P", D("2026-01-01"), D("2026-03-31"));

        Assert.Equal(["TX ABC report", "TX ABC report", "TX ABC report"], obligations.Select(o => o.Form));
        Assert.Equal([D("2026-02-17"), D("2026-03-16"), D("2026-04-15")], obligations.Select(o => o.DueDate)); // 15 Feb and 15 Mar 2026 are Sundays
    }

    [Fact]
    public void A_texas_mixed_beverage_permit_owes_both_each_month_in_due_date_order()
    {
        var obligations = Obligations.ForLocation("TX", "rm", D("2026-01-01"), D("2026-02-28"));

        Assert.Equal(
            [("TX ABC report", D("2026-02-17")), ("TX Mixed Beverage Gross Receipts Tax Report", D("2026-02-20")),
             ("TX ABC report", D("2026-03-16")), ("TX Mixed Beverage Gross Receipts Tax Report", D("2026-03-20"))],
            obligations.Select(o => (o.Form, o.DueDate)));
    }

    [Theory]
    [InlineData("2024-11-30", "2024-12-26")] // 25 December
    [InlineData("2026-09-30", "2026-10-26")] // 25 October 2026 is a Sunday
    [InlineData("2026-05-31", "2026-06-25")]
    public void Kansas_liquor_drink_tax_is_due_the_25th_or_the_next_business_day(string monthEnd, string due)
    {
        var tax = Assert.Single(Obligations.ForLocation("KS", "drinking_establishment", D(monthEnd), D(monthEnd)), o => o.Title == "Liquor Drink Tax");

        Assert.Equal(D(due), tax.DueDate);
    }

    [Fact]
    public void Kansas_rate_is_ten_percent_for_drinking_establishments_and_nothing_for_a_retail_store()
    {
        var kansas = StateRuleBook.Embedded.For("KS");

        Assert.Equal(0.10m, Assert.Single(kansas.TaxesFor("club")).Rate);
        Assert.Empty(kansas.TaxesFor("retail_liquor_store"));
        Assert.Equal(123.46m, GrossReceiptsTax.On(1234.55m, kansas.Taxes[0])); // 123.455: half a cent rounds up
    }

    [Fact]
    public void A_virginia_mixed_beverage_restaurant_owes_the_mbar_on_its_licence_anniversary()
    {
        var obligations = Obligations.ForLocation("VA", "mixed_beverage_restaurant", D("2026-01-01"), D("2026-12-31"), licenceIssued: D("2024-03-15"));

        var mbar = Assert.Single(obligations, o => o.Form == "VA MBAR");
        Assert.Equal((D("2025-03-15"), D("2026-03-14"), D("2026-03-15")), (mbar.PeriodStart, mbar.PeriodEnd, mbar.DueDate));
        Assert.Equal(12, obligations.Count(o => o.Form == "ABC report")); // Virginia keeps the default monthly ABC report
        Assert.DoesNotContain(Obligations.ForLocation("VA", "wine_and_beer", D("2026-01-01"), D("2026-12-31")), o => o.Form == "VA MBAR");
    }

    [Theory]
    [InlineData("55000", "45000", true)] // 55 %
    [InlineData("45000", "55000", true)] // exactly 45 %
    [InlineData("44999", "55001", false)]
    [InlineData("0", "0", true)]
    public void Virginia_food_must_be_at_least_45_percent_of_food_and_mixed_beverages(string food, string mixedBeverages, bool meets)
    {
        var rule = StateRuleBook.Embedded.For("VA").FoodRatio!;

        var check = FoodRatio.Check(decimal.Parse(food, CultureInfo.InvariantCulture), decimal.Parse(mixedBeverages, CultureInfo.InvariantCulture), rule);

        Assert.Equal(0.45m, check.MinimumFoodShare);
        Assert.Equal(meets, check.Meets);
    }

    [Fact]
    public void Iowa_is_configured_for_a_quarterly_abc_report()
    {
        var obligations = Obligations.ForLocation("IA", "class_e", D("2026-01-01"), D("2026-12-31"));

        Assert.Equal([D("2026-04-15"), D("2026-07-15"), D("2026-10-15"), D("2027-01-15")], obligations.Select(o => o.DueDate));
        Assert.Equal((D("2026-01-01"), D("2026-03-31")), (obligations[0].PeriodStart, obligations[0].PeriodEnd));
    }

    [Theory]
    [InlineData("OR")]
    [InlineData(null)]
    public void A_state_not_listed_gets_the_default_monthly_abc_report(string? state)
    {
        var obligations = Obligations.ForLocation(state, "anything", D("2026-07-01"), D("2026-07-31"));

        var report = Assert.Single(obligations);
        Assert.Equal(("ABC report", D("2026-08-17")), (report.Form, report.DueDate)); // 15 August 2026 is a Saturday
    }

    private static DateOnly D(string day) => DateOnly.Parse(day, CultureInfo.InvariantCulture);
}
