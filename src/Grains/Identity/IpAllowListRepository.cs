using System.Net;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Grains.Compliance;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>SQL for what the gate reads of an organisation (tier, status) and its allow-list (app.organizations.ip_allowlist, cidr[]).</summary>
public sealed class IpAllowListRepository(NpgsqlDataSource db, AuditLog audit)
{
    private const string Read = "SELECT subscription_tier, ip_allowlist, subscription_status FROM app.organizations WHERE id = @id";

    public async Task<OrganizationAccess> Find(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await Find(connection, null, Read, organizationId);
    }

    /// <summary>Replaces the list, audited as ip_allowlist.replaced with the entries before and after.</summary>
    public async Task<OrganizationAccess> Replace(Guid organizationId, IReadOnlyList<IPNetwork> networks)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await Find(connection, transaction, Read + " FOR UPDATE", organizationId);
        await using (var update = new NpgsqlCommand("UPDATE app.organizations SET ip_allowlist = @networks WHERE id = @id", connection, transaction))
        {
            update.Parameters.AddWithValue("id", organizationId);
            update.Parameters.AddWithValue("networks", networks.ToArray());
            await update.ExecuteNonQueryAsync();
        }

        var after = before with { AllowList = networks };
        await audit.Append(connection, transaction, organizationId, AuditChange.Of("ip_allowlist", "replaced", organizationId, Entries(before), Entries(after)));
        await transaction.CommitAsync();
        return after;
    }

    private static async Task<OrganizationAccess> Find(NpgsqlConnection connection, NpgsqlTransaction? transaction, string sql, Guid organizationId)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        command.Parameters.AddWithValue("id", organizationId);
        await using var reader = await command.ExecuteReaderAsync();
        return await reader.ReadAsync()
            ? new OrganizationAccess(reader.GetString(0), reader.GetFieldValue<IPNetwork[]>(1), reader.GetString(2))
            : throw NotFoundException.For("organization", organizationId);
    }

    private static object Entries(OrganizationAccess access) => new { entries = access.AllowList.Select(n => n.ToString()).ToArray() };
}
