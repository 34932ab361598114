using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace InventoryProFlow.Grains.Compliance;

/// <summary>
/// Every state's filing rules, read from JSON (the product's own file is Rules/state-rules.json, embedded). A state
/// not listed gets the default. Adding a state is adding an entry to the file; the file is checked as a whole when
/// it is read and every problem is reported at once.
/// </summary>
public sealed class StateRuleBook
{
    private const string EmbeddedName = "InventoryProFlow.Grains.Compliance.Rules.state-rules.json";

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        // A misspelt key would otherwise be ignored and its rule silently lost.
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    private static readonly Lazy<StateRuleBook> Product = new(() =>
    {
        using var stream = typeof(StateRuleBook).Assembly.GetManifestResourceStream(EmbeddedName)
            ?? throw new InvalidOperationException($"{EmbeddedName} is not embedded.");
        using var reader = new StreamReader(stream);
        return Parse(reader.ReadToEnd(), "Rules/state-rules.json");
    });

    private readonly IReadOnlyDictionary<string, StateRule> states;

    private StateRuleBook(IReadOnlyDictionary<string, StateRule> states, StateRule fallback)
    {
        this.states = states;
        Default = fallback;
    }

    /// <summary>The rules that ship with the product.</summary>
    public static StateRuleBook Embedded => Product.Value;

    /// <summary>The rule for states not listed.</summary>
    public StateRule Default { get; }

    /// <summary>The two-letter codes of the states listed.</summary>
    public IReadOnlyCollection<string> States => states.Keys.ToList();

    /// <summary>The rule of <paramref name="state"/> (a two-letter code, any case), or the default.</summary>
    public StateRule For(string? state) =>
        state is not null && states.TryGetValue(state.Trim().ToUpperInvariant(), out var rule) ? rule : Default;

    /// <summary>Reads and checks a rules file; <paramref name="source"/> names it in error messages.</summary>
    /// <exception cref="InvalidDataException">The file is not valid JSON of this shape, or a rule in it is invalid.</exception>
    public static StateRuleBook Parse(string json, string source)
    {
        RuleFile? file;
        try
        {
            file = JsonSerializer.Deserialize<RuleFile>(json, Json);
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"{source}: not a state rules file: {e.Message}", e);
        }

        var problems = new List<string>();
        if (file is null)
        {
            throw new InvalidDataException($"{source}: empty");
        }

        var fallback = file.Default is null ? null : ToRule("default", file.Default, null, problems);
        if (file.Default is null)
        {
            problems.Add("default: missing (the rule for states not listed)");
        }

        var states = new Dictionary<string, StateRule>(StringComparer.Ordinal);
        foreach (var (code, entry) in file.States ?? [])
        {
            if (code.Length != 2 || !code.All(char.IsAsciiLetterUpper))
            {
                problems.Add($"states.{code}: a state is keyed by its two-letter code in capitals, like \"TX\"");
                continue;
            }

            if (ToRule(code, entry, fallback, problems) is { } rule)
            {
                states[code] = rule;
            }
        }

        if (problems.Count > 0 || fallback is null)
        {
            throw new InvalidDataException($"{source}: {problems.Count} problem(s): {string.Join("; ", problems)}");
        }

        return new StateRuleBook(states, fallback);
    }

    private static StateRule? ToRule(string code, StateEntry entry, StateRule? fallback, List<string> problems)
    {
        var before = problems.Count;
        var path = code == "default" ? "default" : $"states.{code}";
        if (string.IsNullOrWhiteSpace(entry.Name))
        {
            problems.Add($"{path}.name: missing");
        }

        StateFiling? abcReport = null;
        if (entry.AbcReport is not null)
        {
            abcReport = ToFiling($"{path}.abcReport", entry.AbcReport, problems);
            if (entry.AbcReport.Rate is not null || entry.AbcReport.Base is not null || entry.AbcReport.MinimumFoodShare is not null)
            {
                problems.Add($"{path}.abcReport: a report has no rate, base or minimumFoodShare");
            }
        }
        else if (fallback is null)
        {
            problems.Add($"{path}.abcReport: missing");
        }

        var taxes = new List<GrossReceiptsTaxRule>();
        foreach (var (tax, i) in (entry.Taxes ?? []).Select((t, i) => (t, i)))
        {
            var taxPath = $"{path}.taxes[{i}]";
            var filing = ToFiling(taxPath, tax, problems);
            var rounding = ParseEnum<TaxRounding>($"{taxPath}.rounding", tax.Rounding, problems);
            if (tax.Rate is not { } rate)
            {
                problems.Add($"{taxPath}.rate: missing");
            }
            else if (rate <= 0m || rate >= 1m)
            {
                problems.Add($"{taxPath}.rate: {rate.ToString(CultureInfo.InvariantCulture)} is out of range; write a fraction above 0 and below 1 (0.067 for 6.7 %)");
            }

            if (string.IsNullOrWhiteSpace(tax.Base))
            {
                problems.Add($"{taxPath}.base: missing (what the rate applies to)");
            }

            if (filing is not null && rounding is { } r && tax.Rate is { } valid && valid is > 0m and < 1m && !string.IsNullOrWhiteSpace(tax.Base))
            {
                taxes.Add(new GrossReceiptsTaxRule(filing, valid, tax.Base, r));
            }
        }

        FoodRatioRule? foodRatio = null;
        if (entry.FoodRatio is { } food)
        {
            var filing = ToFiling($"{path}.foodRatio", food, problems);
            if (food.MinimumFoodShare is not { } share || share <= 0m || share >= 1m)
            {
                problems.Add($"{path}.foodRatio.minimumFoodShare: missing or out of range; write a fraction above 0 and below 1 (0.45 for 45 %)");
            }
            else if (filing is not null)
            {
                foodRatio = new FoodRatioRule(filing, share);
            }
        }

        return problems.Count > before ? null : new StateRule(code, entry.Name!, abcReport ?? fallback!.AbcReport, taxes, foodRatio);
    }

    private static StateFiling? ToFiling(string path, FilingEntry entry, List<string> problems)
    {
        var before = problems.Count;
        foreach (var (name, value) in new[] { ("form", entry.Form), ("title", entry.Title), ("authority", entry.Authority) })
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                problems.Add($"{path}.{name}: missing");
            }
        }

        var frequency = ParseEnum<ReportFrequency>($"{path}.frequency", entry.Frequency, problems);
        DueDay? due = null;
        if (entry.Due is not { } d)
        {
            problems.Add($"{path}.due: missing");
        }
        else
        {
            var ifClosed = ParseEnum<ClosedDayRule>($"{path}.due.ifClosed", d.IfClosed, problems);
            if (d.Day is null == d.DaysAfterPeriodEnd is null)
            {
                problems.Add($"{path}.due: give either day (of the month after the period) or daysAfterPeriodEnd, not both or neither");
            }
            else if (d.Day is < 1 or > 31)
            {
                problems.Add($"{path}.due.day: {d.Day} is not a day of a month");
            }
            else if (d.DaysAfterPeriodEnd is < 0 or > 366)
            {
                problems.Add($"{path}.due.daysAfterPeriodEnd: {d.DaysAfterPeriodEnd} is out of range (0 to 366)");
            }
            else if (ifClosed is { } rule)
            {
                due = new DueDay(d.Day, d.DaysAfterPeriodEnd, rule, d.Authority);
            }
        }

        var licenceTypes = entry.LicenceTypes ?? [];
        if (licenceTypes.Any(string.IsNullOrWhiteSpace))
        {
            problems.Add($"{path}.licenceTypes: an empty licence type");
        }

        return problems.Count > before || frequency is null || due is null
            ? null
            : new StateFiling(entry.Form!, entry.Title!, entry.Authority!, frequency.Value, due, licenceTypes.Select(t => t.Trim()).ToList());
    }

    private static T? ParseEnum<T>(string path, string? text, List<string> problems)
        where T : struct, Enum
    {
        var names = Enum.GetNames<T>().Select(n => char.ToLowerInvariant(n[0]) + n[1..]).ToList();
        if (text is not null && names.Contains(text, StringComparer.Ordinal))
        {
            return Enum.Parse<T>(text, ignoreCase: true);
        }

        problems.Add(text is null
            ? $"{path}: missing; one of {string.Join(", ", names)}"
            : $"{path}: unknown value \"{text}\"; one of {string.Join(", ", names)}");
        return null;
    }

    private sealed record RuleFile(StateEntry? Default, Dictionary<string, StateEntry>? States);

    private sealed record StateEntry(string? Name, FilingEntry? AbcReport, List<FilingEntry>? Taxes, FilingEntry? FoodRatio);

    private sealed record FilingEntry(
        string? Form,
        string? Title,
        string? Authority,
        string? Frequency,
        DueEntry? Due,
        List<string>? LicenceTypes,
        decimal? Rate,
        [property: JsonPropertyName("base")] string? Base,
        string? Rounding,
        decimal? MinimumFoodShare);

    private sealed record DueEntry(int? Day, int? DaysAfterPeriodEnd, string? IfClosed, string? Authority);
}
