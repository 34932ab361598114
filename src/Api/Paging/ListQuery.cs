using System.Globalization;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using Microsoft.AspNetCore.Mvc;

namespace InventoryProFlow.Api.Paging;

/// <summary>
/// The page and limit of a list request, read as text so a bad value gets a field error, not a binder's message.
/// A limit above the maximum is read as the maximum, as most APIs do; the answer's pagination says which was used.
/// </summary>
public sealed record ListQuery(
    // Named as docs/API.md and the query strings of clients spell them; the OpenAPI document would otherwise say Page and Limit.
    [FromQuery(Name = "page")] string? Page,
    [FromQuery(Name = "limit")] string? Limit)
{
    public PageRequest ToPageRequest()
    {
        var errors = new List<FieldError>();
        var page = Number("page", Page, 1, 1, int.MaxValue / PageRequest.MaxLimit, errors);
        var limit = LimitOf(Limit, errors);
        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        return new PageRequest(page, limit);
    }

    public static bool Flag(string field, string? value) => value switch
    {
        null or "" or "false" => false,
        "true" => true,
        _ => throw new ValidationFailedException([new FieldError(field, $"{field} must be true or false.")]),
    };

    private static int LimitOf(string? text, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return PageRequest.DefaultLimit;
        }

        // Any run of digits is a number, however long: 1000000000000 asks for everything and gets the maximum.
        var digits = text.TrimStart('0');
        if (!text.All(char.IsAsciiDigit) || digits.Length == 0)
        {
            errors.Add(new FieldError("limit", $"limit must be a whole number from 1 (a larger one is read as {PageRequest.MaxLimit})."));
            return PageRequest.DefaultLimit;
        }

        return digits.Length > 9 ? PageRequest.MaxLimit : Math.Min(int.Parse(digits, CultureInfo.InvariantCulture), PageRequest.MaxLimit);
    }

    private static int Number(string field, string? text, int fallback, int min, int max, List<FieldError> errors)
    {
        if (string.IsNullOrEmpty(text))
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
        {
            errors.Add(new FieldError(field, $"{field} must be a whole number from {min} to {max}."));
        }

        return value;
    }
}
