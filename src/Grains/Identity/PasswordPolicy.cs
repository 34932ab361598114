using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Identity;

/// <summary>The password rules: long enough, mixed, and not absurdly long (hashing cost grows with length).</summary>
internal static class PasswordPolicy
{
    public const int MinLength = 8;
    public const int MaxLength = 128;

    public static Violations CheckPassword(this Violations violations, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return violations.Add(field, $"{field} is required.");
        }

        return violations.When(
            password.Length < MinLength || password.Length > MaxLength
                || !password.Any(char.IsUpper) || !password.Any(char.IsLower) || !password.Any(char.IsDigit),
            field,
            $"{field} must be {MinLength} to {MaxLength} characters with an upper-case letter, a lower-case letter and a digit.");
    }
}
