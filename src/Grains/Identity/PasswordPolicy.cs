using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// The seed's password rules, each reported on its own so a person learns every change to make at once:
/// 12 to 128 characters (hashing cost grows with length), an upper-case letter, a lower-case letter, a digit,
/// a special character (anything that is neither a letter nor a digit), and not a common password.
/// </summary>
internal static class PasswordPolicy
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    /// <summary>The rules for a password that may be left out (null); one sent must pass them all.</summary>
    public static Violations CheckOptionalPassword(this Violations violations, string field, string? password) =>
        password is null ? violations : violations.CheckPassword(field, password);

    public static Violations CheckPassword(this Violations violations, string field, string? password)
    {
        if (string.IsNullOrEmpty(password))
        {
            return violations.Add(field, $"{field} is required.");
        }

        return violations
            .When(password.Length < MinLength, field, $"{field} must have at least {MinLength} characters.")
            .When(password.Length > MaxLength, field, $"{field} must have at most {MaxLength} characters.")
            .When(!password.Any(char.IsUpper), field, $"{field} needs an upper-case letter.")
            .When(!password.Any(char.IsLower), field, $"{field} needs a lower-case letter.")
            .When(!password.Any(char.IsDigit), field, $"{field} needs a digit.")
            .When(password.All(char.IsLetterOrDigit), field, $"{field} needs a special character.")
            .When(CommonPasswordList.Shipped.Contains(password), field, $"{field} is on a list of common passwords.");
    }
}
