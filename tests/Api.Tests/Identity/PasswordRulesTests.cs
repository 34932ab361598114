using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>The password rules as a client meets them: one detail per broken rule, and nothing written.</summary>
[Collection(SharedProduct.Collection)]
public sealed class PasswordRulesTests(SharedProduct product)
{
    [Theory]
    [InlineData("Pour-Sh0rt!", "password must have at least 12 characters.")]
    [InlineData("sup3r-secret-pour", "password needs an upper-case letter.")]
    [InlineData("SUP3R-SECRET-POUR", "password needs a lower-case letter.")]
    [InlineData("Super-Secret-Pour", "password needs a digit.")]
    [InlineData("Sup3rSecretPour", "password needs a special character.")]
    [InlineData("Password123!", "password is on a list of common passwords.")]
    [InlineData("Riverside-2024", "password is on a list of common passwords.")]
    public async Task Sign_up_names_the_one_rule_a_password_breaks_and_writes_nothing(string password, string message)
    {
        var before = await product.Host.Database.CountsAsync();

        var response = (await product.Host.Client().PostAsync("/api/v1/auth/register", new
        {
            organizationName = "Rules Bar",
            businessType = "bar",
            email = $"rules-{Guid.NewGuid():N}@example.com",
            password,
            firstName = "Rue",
            lastName = "Les",
        })).ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal([("password", message)], Details(response));
        Assert.Equal(message, response.ErrorMessage);
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    [Fact]
    public async Task A_weak_password_for_a_new_user_lists_every_rule_it_breaks()
    {
        var tenant = await product.NewTenantAsync();
        var before = await product.Host.Database.CountsAsync();

        var response = (await tenant.Admin.PostAsync("/api/v1/users", new { email = $"weak-{Guid.NewGuid():N}@example.com", password = "letmein", firstName = "W", lastName = "Eak", role = "staff" }))
            .ShouldFail(HttpStatusCode.BadRequest, "VALIDATION_FAILED");

        Assert.Equal(
            [
                ("password", "password must have at least 12 characters."),
                ("password", "password needs an upper-case letter."),
                ("password", "password needs a digit."),
                ("password", "password needs a special character."),
                ("password", "password is on a list of common passwords."),
            ],
            Details(response));
        Assert.Equal(before, await product.Host.Database.CountsAsync());
    }

    internal static IReadOnlyList<(string Field, string Message)> Details(ApiResponse response) =>
        response.Body.GetProperty("error").GetProperty("details").EnumerateArray()
            .Select(d => (d.GetProperty("field").GetString()!, d.GetProperty("message").GetString()!))
            .ToList();
}
