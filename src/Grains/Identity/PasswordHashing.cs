using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// ASP.NET Core Identity's hasher: PBKDF2-HMAC-SHA512, salted, with its iteration count in every hash
/// so the cost can rise later and old hashes are upgraded at the next sign-in.
/// </summary>
public sealed class PasswordHashing
{
    private readonly PasswordHasher<UserDetails> _hasher;

    // Verified when the email is unknown, at today's cost, so a wrong email takes as long as a wrong password.
    private readonly Lazy<string> _decoy;

    public PasswordHashing(IConfiguration configuration)
    {
        _hasher = new PasswordHasher<UserDetails>(Options.Create(new PasswordHasherOptions
        {
            IterationCount = configuration.GetValue("Identity:PasswordHashIterations", 210_000),
        }));
        _decoy = new Lazy<string>(() => Hash(Guid.NewGuid().ToString()));
    }

    public string Hash(string password) => _hasher.HashPassword(null!, password);

    /// <summary>Checks a password; on success, returns a new hash when the stored one is weaker than today's setting.</summary>
    public (bool Valid, string? Rehashed) Verify(string hash, string password) =>
        _hasher.VerifyHashedPassword(null!, hash, password) switch
        {
            PasswordVerificationResult.Success => (true, null),
            PasswordVerificationResult.SuccessRehashNeeded => (true, Hash(password)),
            _ => (false, null),
        };

    public void SpendDecoyTime(string password) => _hasher.VerifyHashedPassword(null!, _decoy.Value, password);
}
