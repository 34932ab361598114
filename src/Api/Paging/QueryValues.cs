using System.Globalization;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Api.Paging;

/// <summary>Optional query-string filters read as text, so a bad value gets a field error.</summary>
public static class QueryValues
{
    public static Guid? Id(string field, string? text) =>
        string.IsNullOrEmpty(text) ? null
        : Guid.TryParse(text, out var id) ? id
        : throw new ValidationFailedException([new FieldError(field, $"{field} must be a UUID.")]);

    public static DateTime? Time(string field, string? text) =>
        string.IsNullOrEmpty(text) ? null
        : DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var at) ? DateTime.SpecifyKind(at, DateTimeKind.Utc)
        : throw new ValidationFailedException([new FieldError(field, $"{field} must be an ISO-8601 time such as 2026-11-01T00:00:00Z.")]);

    public static DateOnly? Date(string field, string? text)
    {
        var errors = new List<FieldError>();
        var date = Date(field, text, errors);
        return errors.Count > 0 ? throw new ValidationFailedException(errors) : date;
    }

    /// <summary>A date read alongside others: a bad one is added to <paramref name="errors"/>, so the caller reports them all at once.</summary>
    public static DateOnly? Date(string field, string? text, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.Add(new FieldError(field, $"{field} must be a date such as 2026-11-01."));
        return null;
    }

    public static string? OneOf(string field, string? text, IReadOnlyList<string> allowed) =>
        string.IsNullOrEmpty(text) ? null
        : allowed.Contains(text) ? text
        : throw new ValidationFailedException([new FieldError(field, $"{field} must be one of: {string.Join(", ", allowed)}.")]);

    /// <summary>An optional exact-match filter: at most <paramref name="maxLength"/> printable characters.</summary>
    public static string? Text(string field, string? text, int maxLength = 100) =>
        string.IsNullOrEmpty(text) ? null
        : text.Length <= maxLength && Hosting.PrintableText.IsPrintable(text) ? text
        : throw new ValidationFailedException([new FieldError(field, $"{field} must be at most {maxLength} printable characters.")]);
}
