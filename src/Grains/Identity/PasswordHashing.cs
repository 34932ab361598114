using System.Security.Cryptography;
using InventoryProFlow.Contracts.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Hashes and checks passwords with ASP.NET Core Identity's hasher (<see cref="Pbkdf2"/>): PBKDF2-HMAC-SHA512, salted,
/// with its iteration count in every hash so the cost can rise later and old hashes are upgraded at the next sign-in.
/// Every method here runs the full hash once, and only once: sign-in counts on that to take as long for an unknown email
/// or an inactive account as for a wrong password. Every hash takes one of the node's <see cref="HashingSlots"/>.
/// </summary>
public sealed class PasswordHashing
{
    private readonly IPasswordHasher<UserDetails> _hasher;
    private readonly HashingSlots _slots;

    // Verified when the email is unknown, at today's cost, so a wrong email takes as long as a wrong password.
    // Made now rather than on first use, so the first unknown email does not pay for two hashes.
    private readonly string _decoy;

    public PasswordHashing(IPasswordHasher<UserDetails> hasher, HashingSlots slots)
    {
        _hasher = hasher;
        _slots = slots;
        _decoy = Hash(Convert.ToBase64String(RandomNumberGenerator.GetBytes(18)));
    }

    /// <summary>The product's hasher, at the cost Identity:PasswordHashIterations sets (210,000 by default, OWASP's figure for PBKDF2-HMAC-SHA512).</summary>
    public static IPasswordHasher<UserDetails> Pbkdf2(IConfiguration configuration) =>
        new PasswordHasher<UserDetails>(Options.Create(new PasswordHasherOptions
        {
            IterationCount = configuration.GetValue("Identity:PasswordHashIterations", 210_000),
        }));

    public string Hash(string password) => _slots.Run(() => _hasher.HashPassword(null!, password));

    /// <summary>Checks a password; Outdated says the stored hash is weaker than today's setting and worth replacing.</summary>
    public (bool Valid, bool Outdated) Verify(string hash, string password) =>
        _slots.Run(() => _hasher.VerifyHashedPassword(null!, hash, password)) switch
        {
            PasswordVerificationResult.Success => (true, false),
            PasswordVerificationResult.SuccessRehashNeeded => (true, true),
            _ => (false, false),
        };

    public void SpendDecoyTime(string password) => _slots.Run(() => _hasher.VerifyHashedPassword(null!, _decoy, password));
}
