using System.Net.Mail;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Grains.Validation;

/// <summary>
/// Collects every field problem of one request, so a client learns all of them in one answer,
/// then throws one <see cref="ValidationFailedException"/>.
/// </summary>
public sealed class Violations
{
    private readonly List<FieldError> _errors = [];

    public bool Any => _errors.Count > 0;

    public Violations Add(string field, string message)
    {
        _errors.Add(new FieldError(field, message));
        return this;
    }

    public Violations When(bool broken, string field, string message) => broken ? Add(field, message) : this;

    public Violations Required(string field, string? value, int maxLength = 200)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return Add(field, $"{field} is required.");
        }

        return MaxLength(field, value, maxLength);
    }

    public Violations Required<T>(string field, T? value)
        where T : struct => value is null ? Add(field, $"{field} is required.") : this;

    public Violations MaxLength(string field, string? value, int maxLength = 200) =>
        value is not null && value.Length > maxLength
            ? Add(field, $"{field} must be at most {maxLength} characters.")
            : this;

    public Violations OneOf(string field, string? value, IReadOnlyList<string> allowed) =>
        value is not null && !allowed.Contains(value)
            ? Add(field, $"{field} must be one of: {string.Join(", ", allowed)}.")
            : this;

    public Violations Range(string field, decimal? value, decimal min, decimal max) =>
        value is not null && (value < min || value > max)
            ? Add(field, $"{field} must be between {min} and {max}.")
            : this;

    public Violations Email(string field, string? value)
    {
        if (value is null)
        {
            return this;
        }

        if (value.Length > 254 || !MailAddress.TryCreate(value, out var address)
            || address.Address != value || !address.Host.Contains('.', StringComparison.Ordinal))
        {
            return Add(field, $"{field} must be an email address like name@example.com.");
        }

        return this;
    }

    public Violations Timezone(string field, string? value)
    {
        if (value is null)
        {
            return this;
        }

        // Only IANA names: a business day must mean the same thing on every server.
        if (!TimeZoneInfo.TryFindSystemTimeZoneById(value, out var zone) || !zone.HasIanaId)
        {
            return Add(field, $"{field} must be an IANA time zone such as America/Chicago.");
        }

        return this;
    }

    public Violations Decimals(string field, decimal? value, int places) =>
        value is not null && decimal.Round(value.Value, places) != value
            ? Add(field, $"{field} may have at most {places} decimal places.")
            : this;

    public Violations Money(string field, decimal? value) =>
        value is not null && (value < 0 || value > 9_999_999_999.99m || decimal.Round(value.Value, 2) != value)
            ? Add(field, $"{field} must be an amount between 0 and 9999999999.99 with at most 2 decimals.")
            : this;

    public void ThrowIfAny()
    {
        if (Any)
        {
            throw new ValidationFailedException(_errors.ToArray());
        }
    }
}
