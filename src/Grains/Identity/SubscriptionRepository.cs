using Dapper;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>One organisation of the platform as its operator lists it, before its gate adds the hour's usage.</summary>
public sealed record OrganizationListing(Guid Id, string Name, string? Email, DateTime CreatedAt);

/// <summary>SQL for the platform operator's side of app.organizations: every organisation, and its tier and status.</summary>
public sealed class SubscriptionRepository(NpgsqlDataSource db, AuditLog audit, TimeProvider time)
{
    public Task<Page<OrganizationListing>> List(PageRequest page, string? status) =>
        db.QueryPageAsync<OrganizationListing>(
            "id, name, email, created_at", "FROM app.organizations WHERE (@status::text IS NULL OR subscription_status = @status)", "name, id", new { status }, page);

    /// <summary>
    /// Sets the tier and status, audited in the organisation's own trail as organization.subscription_changed (who:
    /// the operator's user), so its admin can see who changed what.
    /// </summary>
    public async Task Change(Guid organizationId, string? tier, string? status)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var before = await connection.QuerySingleOrDefaultAsync<Subscription>(
            "SELECT subscription_tier AS Tier, subscription_status AS Status FROM app.organizations WHERE id = @organizationId FOR UPDATE",
            new { organizationId },
            transaction) ?? throw NotFoundException.For("organization", organizationId);
        var after = new Subscription(tier ?? before.Tier, status ?? before.Status);
        await connection.ExecuteAsync(
            "UPDATE app.organizations SET subscription_tier = @Tier, subscription_status = @Status, updated_at = @now WHERE id = @organizationId",
            new { after.Tier, after.Status, now = time.GetUtcNow().UtcDateTime, organizationId },
            transaction);
        await audit.Append(connection, transaction, organizationId, AuditChange.Of("organization", "subscription_changed", organizationId, before.Shown(), after.Shown()));
        await transaction.CommitAsync();
    }

    private sealed record Subscription(string Tier, string Status)
    {
        public object Shown() => new { subscriptionTier = Tier, subscriptionStatus = Status };
    }
}
