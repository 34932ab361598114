using System.Net;
using InventoryProFlow.Api.Tests.Infrastructure;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace InventoryProFlow.Api.Tests.Identity;

/// <summary>
/// A refused sign-in must not tell, by how long it took, whether the email exists or the account is active. Time is
/// not measured (it is noisy); the work is: every refusal runs exactly one full password hash, as a wrong password does,
/// and one more when a sign-up of that address waits for verification (its password is checked too), account or not.
/// </summary>
public sealed class SignInHashingTests(SignInHashingTests.CountedProduct product) : IClassFixture<SignInHashingTests.CountedProduct>
{
    private const string Password = "Counted-Pour-Pass-9";

    [Fact]
    public async Task An_unknown_email_runs_one_hash()
    {
        Assert.Equal(1, await HashesOfRefusedSignIn($"nobody-{Guid.NewGuid():N}@example.com", Password));
    }

    [Fact]
    public async Task A_wrong_password_runs_one_hash()
    {
        var email = await product.NewUserAsync();

        Assert.Equal(1, await HashesOfRefusedSignIn(email, "Wrong-Pour-Pass-9"));
    }

    [Theory]
    [InlineData(Password)]
    [InlineData("Wrong-Pour-Pass-9")]
    public async Task An_inactive_account_runs_one_hash_whatever_the_password(string password)
    {
        var email = await product.NewUserAsync(active: false);

        Assert.Equal(1, await HashesOfRefusedSignIn(email, password));
    }

    [Fact]
    public async Task An_absurdly_long_password_runs_one_hash()
    {
        var email = await product.NewUserAsync();

        Assert.Equal(1, await HashesOfRefusedSignIn(email, new string('x', 300)));
    }

    [Fact]
    public async Task An_inactive_account_whose_hash_is_due_an_upgrade_still_runs_one_hash()
    {
        var email = await product.NewUserAsync(active: false);
        product.Hasher.ReportOutdated = true;
        try
        {
            Assert.Equal(1, await HashesOfRefusedSignIn(email, Password));
        }
        finally
        {
            product.Hasher.ReportOutdated = false;
        }
    }

    // The yardstick the refusals are held to, and proof the counter sees every hash, the upgrade of an old one included.
    [Theory]
    [InlineData(false, 1)]
    [InlineData(true, 2)]
    public async Task A_good_sign_in_runs_one_hash_and_one_more_to_upgrade_an_old_one(bool outdated, int hashes)
    {
        var email = await product.NewUserAsync();
        product.Hasher.ReportOutdated = outdated;
        product.Hasher.Reset();
        try
        {
            (await product.Host.Client().PostAsync("/api/v1/auth/login", new { email, password = Password })).ShouldSucceed();
        }
        finally
        {
            product.Hasher.ReportOutdated = false;
        }

        Assert.Equal(hashes, product.Hasher.Count);
    }

    // Sign-up does the same work whether or not the address has an account (issue 21, finding 9): one hash each.
    [Fact]
    public async Task A_sign_up_runs_one_hash_whether_or_not_the_email_has_an_account()
    {
        var known = await product.NewUserAsync();

        Assert.Equal(1, await HashesOfSignUp(known));
        Assert.Equal(1, await HashesOfSignUp($"fresh-{Guid.NewGuid():N}@example.com"));
    }

    // A waiting sign-up's password is checked too, so a sign-in beside one costs two hashes, account or not.
    [Fact]
    public async Task A_refused_sign_in_beside_a_waiting_sign_up_runs_two_hashes_whether_or_not_the_email_has_an_account()
    {
        var known = await product.NewUserAsync();
        var fresh = $"fresh-{Guid.NewGuid():N}@example.com";
        await HashesOfSignUp(known);
        await HashesOfSignUp(fresh);

        Assert.Equal(2, await HashesOfRefusedSignIn(known, "Wrong-Pour-Pass-9"));
        Assert.Equal(2, await HashesOfRefusedSignIn(fresh, "Wrong-Pour-Pass-9"));
    }

    private async Task<int> HashesOfSignUp(string email)
    {
        product.Hasher.Reset();
        (await product.Host.Client().PostAsync("/api/v1/auth/register", new { organizationName = "Hashed Bar", businessType = "bar", email, password = "Waiting-Pour-Pass-9", firstName = "Ha", lastName = "Sh" }))
            .ShouldSucceed(HttpStatusCode.Accepted);
        return product.Hasher.Count;
    }

    private async Task<int> HashesOfRefusedSignIn(string email, string password)
    {
        product.Hasher.Reset();
        (await product.Host.Client().PostAsync("/api/v1/auth/login", new { email, password }))
            .ShouldFail(HttpStatusCode.Unauthorized, "INVALID_CREDENTIALS");
        return product.Hasher.Count;
    }

    /// <summary>The product with its password hasher wrapped in a counter; the tests of this class run one at a time.</summary>
    public sealed class CountedProduct : IAsyncLifetime
    {
        public CountingHasher Hasher { get; } = new();

        public ProductHost Host { get; private set; } = null!;

        private ApiClient _admin = null!;

        public async Task InitializeAsync()
        {
            Host = await ProductHost.StartAsync(services: services => services.AddSingleton<IPasswordHasher<UserDetails>>(provider =>
            {
                Hasher.Inner = PasswordHashing.Pbkdf2(provider.GetRequiredService<IConfiguration>());
                return Hasher;
            }));
            _admin = Host.Client((await Host.SignUpAsync(organizationName: "Counted Bar")).AdminToken);
        }

        public async Task<string> NewUserAsync(bool active = true)
        {
            var email = $"staff-{Guid.NewGuid():N}@example.com";
            (await _admin.PostAsync("/api/v1/users", new { email, password = Password, firstName = "Pat", lastName = "Staff", role = "staff" }))
                .ShouldSucceed(HttpStatusCode.Created);
            await Host.AcceptInvitationAsync(email, password: null);
            if (!active)
            {
                await Host.Database.ScalarAsync<bool>("UPDATE app.users SET is_active = false WHERE email = @e RETURNING true", ("e", email));
            }

            return email;
        }

        public Task DisposeAsync() => Host.DisposeAsync().AsTask();
    }

    /// <summary>The product's own hasher, counting every full hash (a hash made or checked); it can pretend stored hashes are old.</summary>
    public sealed class CountingHasher : IPasswordHasher<UserDetails>
    {
        private int _count;

        public IPasswordHasher<UserDetails> Inner { get; set; } = null!;

        public bool ReportOutdated { get; set; }

        public int Count => Volatile.Read(ref _count);

        public void Reset() => Interlocked.Exchange(ref _count, 0);

        public string HashPassword(UserDetails user, string password)
        {
            Interlocked.Increment(ref _count);
            return Inner.HashPassword(user, password);
        }

        public PasswordVerificationResult VerifyHashedPassword(UserDetails user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _count);
            var result = Inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
            return ReportOutdated && result == PasswordVerificationResult.Success ? PasswordVerificationResult.SuccessRehashNeeded : result;
        }
    }
}
