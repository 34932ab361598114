using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.JsonWebTokens;

namespace InventoryProFlow.Api.Tests.Security;

/// <summary>A rotated key is published at once, signs once every node can know it, and old tokens stay good meanwhile.</summary>
public sealed class KeyRotationTests
{
    [Fact]
    public async Task A_rotated_key_is_published_then_signs_while_tokens_of_the_old_key_still_verify()
    {
        await using var host = await ProductHost.StartAsync(settings: new Dictionary<string, string?> { ["Auth:SigningKeyRefreshSeconds"] = "1" });
        var anonymous = host.Client();
        var email = $"keys-{Guid.NewGuid():N}@example.com";
        (await anonymous.PostAsync("/api/v1/auth/register", new { organizationName = "Key Bar", businessType = "bar", email, password = Tenant.Password, firstName = "K", lastName = "Ey" }))
            .ShouldSucceed(System.Net.HttpStatusCode.Created);
        var old = await SignInAsync(host, email);
        var oldKid = new JsonWebToken(old).Kid;

        var rotated = await host.Grains.GetGrain<ISigningKeyRingGrain>(SigningKeys.RingKey).Rotate();
        await host.Services.GetRequiredService<SigningKeys>().ReloadAsync();

        var published = (await anonymous.GetAsync("/.well-known/jwks.json")).Body.GetProperty("keys").EnumerateArray().Select(k => k.GetProperty("kid").GetString()).ToList();
        Assert.Equal([oldKid, rotated.KeyId], published);

        // The new key takes over signing once two refresh periods have passed.
        var fresh = await Eventually.Found(async () => await SignInAsync(host, email) is var token && new JsonWebToken(token).Kid == rotated.KeyId ? token : null, "a token signed with the new key");
        (await host.Client(fresh).GetAsync("/api/v1/products")).ShouldSucceed();
        (await host.Client(old).GetAsync("/api/v1/products")).ShouldSucceed();
    }

    private static async Task<string> SignInAsync(ProductHost host, string email) =>
        (await host.Client().PostAsync("/api/v1/auth/login", new { email, password = Tenant.Password }))
            .ShouldSucceed().Data.GetProperty("accessToken").GetString()!;
}
