using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace InventoryProFlow.Api.Exports;

/// <summary>
/// The one CSV writer for every file the product hands out. People open these files in a spreadsheet, which runs a
/// cell that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return as a formula (CSV injection).
/// Such a cell is written as OWASP advises, quoted with a single quote in front (<c>=HYPERLINK(...)</c> becomes
/// <c>"'=HYPERLINK(...)"</c>), by CsvHelper's own <see cref="InjectionOptions.Escape"/>. The one exception is a plain
/// number (<c>-2</c>, <c>-0.75</c>): it is left as it is so a spreadsheet still reads it as a number, and a plain number
/// cannot run anything. The rule looks at the cell's text, not at the column, so a new column is safe without a thought.
/// </summary>
public sealed class SpreadsheetCsvWriter(TextWriter text) : CsvWriter(text, Settings)
{
    // OWASP's list, stated here rather than left to the library's default.
    private static readonly CsvConfiguration Settings = new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
        InjectionCharacters = ['=', '+', '-', '@', '\t', '\r'],
        InjectionEscapeCharacter = '\'',
    };

    /// <summary>True for an optional minus, digits, and optionally a point and more digits: how every number is written here.</summary>
    public static bool IsPlainNumber(string field)
    {
        var digits = field.StartsWith('-') ? field.AsSpan(1) : field.AsSpan();
        var point = digits.IndexOf('.');
        var whole = point < 0 ? digits : digits[..point];
        var fraction = point < 0 ? "0".AsSpan() : digits[(point + 1)..];
        return whole.Length > 0 && fraction.Length > 0 && !whole.ContainsAnyExceptInRange('0', '9') && !fraction.ContainsAnyExceptInRange('0', '9');
    }

    protected override string? SanitizeForInjection(string? field) => field is null || IsPlainNumber(field) ? field : base.SanitizeForInjection(field);
}
