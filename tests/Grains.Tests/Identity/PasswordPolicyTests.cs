using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Identity;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Tests.Identity;

public sealed class PasswordPolicyTests
{
    [Theory]
    [InlineData("Pour-Sh0rt!", "password must have at least 12 characters.")]
    [InlineData("sup3r-secret-pour", "password needs an upper-case letter.")]
    [InlineData("SUP3R-SECRET-POUR", "password needs a lower-case letter.")]
    [InlineData("Super-Secret-Pour", "password needs a digit.")]
    [InlineData("Sup3rSecretPour", "password needs a special character.")]
    [InlineData("Password123!", "password is on a list of common passwords.")]
    public void Each_rule_broken_alone_is_named_alone(string password, string message)
    {
        Assert.Equal([new FieldError("password", message)], Problems(password));
    }

    [Fact]
    public void A_password_longer_than_128_characters_is_refused_for_its_length_alone()
    {
        Assert.Equal([new FieldError("password", "password must have at most 128 characters.")], Problems("Aa1-" + new string('x', 125)));
        Assert.Empty(Problems("Aa1-" + new string('x', 124)));
    }

    [Fact]
    public void Twelve_characters_with_every_kind_is_enough()
    {
        Assert.Empty(Problems("Sup3r-Secret"));
    }

    [Fact]
    public void Every_broken_rule_gets_its_own_detail_in_the_order_of_the_rules()
    {
        Assert.Equal(
            [
                "password must have at least 12 characters.",
                "password needs an upper-case letter.",
                "password needs a digit.",
                "password needs a special character.",
                "password is on a list of common passwords.",
            ],
            Problems("password").Select(p => p.Message));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    public void A_missing_password_is_only_required(string? password)
    {
        Assert.Equal([new FieldError("password", "password is required.")], Problems(password));
    }

    [Fact]
    public void Messages_name_the_field_checked()
    {
        Assert.Equal([new FieldError("newPassword", "newPassword needs a digit.")], Problems("Super-Secret-Pour", "newPassword"));
    }

    [Theory]
    [InlineData("PASSWORD")]
    [InlineData("Password123!")]
    [InlineData("!!Dragon2024")]
    [InlineData("2024!Summer")]
    [InlineData("Monkey!!1234")]
    [InlineData("1Qaz2wsx3edc!")] // "1qaz2wsx3edc" is on the list: only the trailing "!" is cut, the leading digit stays
    public void A_list_word_in_any_case_with_digits_or_symbols_at_its_ends_is_common(string password)
    {
        Assert.True(CommonPasswordList.Shipped.Contains(password));
    }

    [Theory]
    [InlineData("Riverside-Pour-2024")]
    [InlineData("Dragon-Pour-2024!")]
    [InlineData("Letmein!2024x")]
    [InlineData("Iloveyou4ever!")]
    public void A_list_word_inside_a_longer_password_is_not_common(string password)
    {
        Assert.False(CommonPasswordList.Shipped.Contains(password));
    }

    [Fact]
    public void The_shipped_list_is_the_whole_zxcvbn_common_passwords_dictionary()
    {
        Assert.Equal(49_233, CommonPasswordList.Shipped.Count);
    }

    // The passwords of the tests, the demo, the docs and the bench, and samples of the ones scripts/dev-env.sh
    // ("Aa1!" after 20 letters and digits) and the first start (14 letters and digits, then "-Aa1") generate.
    [Theory]
    [InlineData("Sup3r-Secret-Pour")]
    [InlineData("Reminder-Admin-Pass-1")]
    [InlineData("Bootstrap-Admin-1")]
    [InlineData("Crash-Admin-Pass-1")]
    [InlineData("Demo-Admin-Pass-1")]
    [InlineData("Demo-Staff-Pass-1")]
    [InlineData("First-Admin-Pass-1")]
    [InlineData("Choose-A-Strong-One-1")]
    [InlineData("Riverside-Pour-2024")]
    [InlineData("q8ZkT2mWc9LpR4xYbN7vAa1!")]
    [InlineData("Hk7pQw3ZxR9mTc-Aa1")]
    [InlineData("Bench-0123456789abcdef01-Zq7")]
    [InlineData("Waiting-Pour-Pass-7")]
    [InlineData("Waiting-Pour-Pass-9")]
    [InlineData("Chosen-By-Me-42!")]
    [InlineData("Admin-Chose-This-42!")]
    [InlineData("Copycat-Pass-42!")]
    [InlineData("Another-Pass-42!")]
    [InlineData("First-Choice-42!")]
    [InlineData("Second-Choice-42!")]
    [InlineData("Strong-Enough-42!")]
    [InlineData("Too-Late-Now-42!")]
    public void The_products_own_passwords_meet_the_policy(string password)
    {
        Assert.Empty(Problems(password));
    }

    private static IReadOnlyList<FieldError> Problems(string? password, string field = "password")
    {
        try
        {
            new Violations().CheckPassword(field, password).ThrowIfAny();
            return [];
        }
        catch (ValidationFailedException error)
        {
            return error.Details;
        }
    }
}
