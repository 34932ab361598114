using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Makes sure a first administrator can sign in on a database without the demo: creates their
/// organisation and account once, when no account has that email.
/// </summary>
public sealed class BootstrapAdmin(
    NpgsqlDataSource db, UserRepository users, IdFactory ids, PasswordHashing passwords, TimeProvider time)
{
    public async Task<bool> EnsureAsync(string email, string password, string organizationName)
    {
        if (await users.EmailInUse(email))
        {
            return false;
        }

        var now = time.GetUtcNow().UtcDateTime;
        var organization = new OrganizationDetails(
            ids.NewId(), organizationName, "bar", "starter", null, email, null, null, null, null, null, null, "US",
            IdentityGrain.DefaultTimezone, IsActive: true, now, now);
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await OrganizationRepository.Insert(connection, transaction, organization);
        await UserRepository.Insert(connection, transaction, UserAccount.Open(
            ids.NewId(), organization.Id, email, passwords.Hash(password), "Admin", "User", Roles.Admin, null, now));
        await transaction.CommitAsync();
        return true;
    }
}
