using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Makes sure a first administrator can sign in on a database without the demo: creates their
/// organisation and account once, when no account has that email.
/// </summary>
public sealed class BootstrapAdmin(UserRepository users, IdFactory ids, PasswordHashing passwords, TimeProvider time)
{
    public async Task<bool> EnsureAsync(string email, string password, string organizationName)
    {
        if (await users.EmailClaimed(email))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var organization = OrganizationRepository.Starter(ids.NewId(), organizationName, "bar", email, now);
        try
        {
            await users.OpenOrganization(organization, UserAccount.Open(
                ids.NewId(), organization.Id, email, passwords.Hash(password), "Admin", "User", Roles.Admin, null, now));
            return true;
        }
        catch (PostgresException error) when (error.IsUniqueViolation(UserRepository.EmailUnique))
        {
            // Another process starting at the same moment made the same admin first.
            return false;
        }
    }
}
