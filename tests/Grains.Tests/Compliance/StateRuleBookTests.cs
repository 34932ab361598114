using InventoryProFlow.Grains.Compliance;

namespace InventoryProFlow.Grains.Tests.Compliance;

/// <summary>Adding a state is data only, and a bad rules file is refused with every problem named.</summary>
public sealed class StateRuleBookTests
{
    private const string Default = """
        "default": { "name": "Elsewhere", "abcReport": { "form": "ABC report", "title": "ABC report", "authority": "product default",
                     "frequency": "monthly", "due": { "day": 15, "ifClosed": "nextBusinessDay" } } }
        """;

    [Fact]
    public void The_embedded_file_lists_texas_kansas_virginia_and_iowa()
    {
        var book = StateRuleBook.Embedded;

        Assert.Equal(["IA", "KS", "TX", "VA"], book.States.Order());
        Assert.Equal(0.067m, Assert.Single(book.For("TX").TaxesFor("MB")).Rate);
        Assert.Same(book.Default, book.For("WY"));
    }

    [Fact]
    public void A_state_added_in_json_alone_yields_its_obligations()
    {
        var book = StateRuleBook.Parse($$"""
            { {{Default}},
              "states": { "ZZ": { "name": "Testland",
                "taxes": [ { "form": "ZZ-7", "title": "Testland Pour Tax", "authority": "Testland Code 7", "rate": 0.0825,
                             "base": "drinks poured", "rounding": "halfAwayFromZero", "licenceTypes": [ "pub" ],
                             "frequency": "quarterly", "due": { "day": 10, "ifClosed": "precedingBusinessDay" } } ] } } }
            """, "test");

        var obligations = new FilingObligations(book).ForLocation("zz", "PUB", new DateOnly(2026, 1, 1), new DateOnly(2026, 3, 31));

        Assert.Equal(
            [("ABC report", new DateOnly(2026, 2, 17)), ("ABC report", new DateOnly(2026, 3, 16)), ("ABC report", new DateOnly(2026, 4, 15)),
             ("ZZ-7", new DateOnly(2026, 4, 10))],
            obligations.Select(o => (o.Form, o.DueDate)).OrderBy(o => o.Form, StringComparer.Ordinal).ThenBy(o => o.DueDate));
        Assert.Equal(8.25m, GrossReceiptsTax.On(100m, Assert.Single(book.For("ZZ").TaxesFor("pub"))));
        // 10 January 2027 is a Sunday: this state's rule moves it back to Friday the 8th.
        Assert.Equal(new DateOnly(2027, 1, 8), book.For("ZZ").Taxes[0].Filing.Due.For(new DateOnly(2026, 12, 31)));
    }

    [Fact]
    public void Every_problem_in_a_bad_file_is_named_with_its_place()
    {
        var error = Assert.Throws<InvalidDataException>(() => StateRuleBook.Parse($$"""
            { {{Default}},
              "states": {
                "TX": { "name": "Texas",
                  "abcReport": { "form": "A", "title": "A", "authority": "x", "frequency": "weekly", "due": { "day": 15, "ifClosed": "nextBusinessDay" } },
                  "taxes": [ { "form": "T", "title": "T", "authority": "x", "rate": 6.7, "base": "receipts", "rounding": "bankers",
                               "frequency": "monthly", "due": { "day": 20, "daysAfterPeriodEnd": 5, "ifClosed": "nextBusinessDay" } } ] },
                "Kansas": { "name": "Kansas" } } }
            """, "bad.json"));

        Assert.StartsWith("bad.json: 5 problem(s)", error.Message, StringComparison.Ordinal);
        Assert.Contains("states.TX.abcReport.frequency: unknown value \"weekly\"; one of monthly, quarterly, annual", error.Message, StringComparison.Ordinal);
        Assert.Contains("states.TX.taxes[0].rate: 6.7 is out of range", error.Message, StringComparison.Ordinal);
        Assert.Contains("states.TX.taxes[0].rounding: unknown value \"bankers\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("states.TX.taxes[0].due: give either day", error.Message, StringComparison.Ordinal);
        Assert.Contains("states.Kansas: a state is keyed by its two-letter code", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_misspelt_key_or_a_missing_default_is_refused()
    {
        var misspelt = Assert.Throws<InvalidDataException>(() => StateRuleBook.Parse($$"""{ {{Default}}, "states": { "KS": { "name": "Kansas", "taxs": [] } } }""", "typo.json"));
        Assert.Contains("taxs", misspelt.Message, StringComparison.Ordinal);

        var noDefault = Assert.Throws<InvalidDataException>(() => StateRuleBook.Parse("""{ "states": {} }""", "empty.json"));
        Assert.Contains("default: missing", noDefault.Message, StringComparison.Ordinal);
    }
}
