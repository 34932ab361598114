using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Compliance;
using InventoryProFlow.Grains.Storage;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>A user row with its password hash and security stamp: never leaves the Grains project.</summary>
public sealed record UserAccount(UserDetails User, string PasswordHash, int SecurityStamp = 0)
{
    public static UserAccount Open(
        Guid id, Guid organizationId, string email, string passwordHash, string firstName, string lastName, string role, string? phone, DateTime now) =>
        new(new UserDetails(id, organizationId, email, firstName.Trim(), lastName.Trim(), role, phone, IsActive: true, null, now), passwordHash);
}

/// <summary>SQL for app.users.</summary>
public sealed class UserRepository(NpgsqlDataSource db, AuditLog audit)
{
    public const string EmailUnique = "users_email_unique";

    private const string Columns =
        "id, organization_id, email, first_name, last_name, role, phone, is_active, last_login_at, created_at";

    public Task<UserAccount?> FindByEmail(string email) => FindAccount("lower(email) = lower(@email)", new { email });

    /// <summary>A user of an organisation with their password hash, for checking it.</summary>
    public Task<UserAccount?> FindAccount(Guid organizationId, Guid id) =>
        FindAccount("organization_id = @organizationId AND id = @id", new { organizationId, id });

    /// <summary>An active user's security stamp, or null when the organisation has no such user or they are deactivated: the gate's question.</summary>
    public async Task<int?> ActiveStamp(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int?>(
            "SELECT security_stamp FROM app.users WHERE organization_id = @organizationId AND id = @id AND is_active", new { organizationId, id });
    }

    private async Task<UserAccount?> FindAccount(string where, object parameters)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UserDetails, string, int, UserAccount>(
            $"SELECT {Columns}, password_hash, security_stamp FROM app.users WHERE {where}",
            (user, hash, stamp) => new UserAccount(user, hash, stamp),
            parameters,
            splitOn: "password_hash,security_stamp");
        return rows.SingleOrDefault();
    }

    public async Task<UserDetails?> Find(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<UserDetails>(
            $"SELECT {Columns} FROM app.users WHERE organization_id = @organizationId AND id = @id", new { organizationId, id });
    }

    public async Task<bool> EmailInUse(string email)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.users WHERE lower(email) = lower(@email))", new { email });
    }

    public Task<Page<UserDetails>> List(Guid organizationId, PageRequest page) =>
        db.QueryPageAsync<UserDetails>(
            Columns, "FROM app.users WHERE organization_id = @organizationId", "last_name, first_name, id", new { organizationId }, page);

    /// <summary>Adds a user, audited as user.created (without the password hash).</summary>
    public async Task Insert(UserAccount account)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Insert(connection, transaction, account);
        await audit.Append(connection, transaction, account.User.OrganizationId, Created(account));
        await transaction.CommitAsync();
    }

    /// <summary>Inserts a user unaudited: for seeding demo data, which no one changed.</summary>
    public static Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, UserAccount account) =>
        connection.ExecuteAsync(
            $"INSERT INTO app.users ({Columns}, password_hash, updated_at) VALUES (@Id, @OrganizationId, @Email, @FirstName, " +
            "@LastName, @Role, @Phone, @IsActive, @LastLoginAt, @CreatedAt, @PasswordHash, @CreatedAt)",
            new
            {
                account.User.Id,
                account.User.OrganizationId,
                account.User.Email,
                account.User.FirstName,
                account.User.LastName,
                account.User.Role,
                account.User.Phone,
                account.User.IsActive,
                account.User.LastLoginAt,
                account.User.CreatedAt,
                account.PasswordHash,
            },
            transaction);

    /// <summary>A new business: its organisation and first admin, both or neither.</summary>
    public async Task OpenOrganization(OrganizationDetails organization, UserAccount admin)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await OrganizationRepository.Insert(connection, transaction, organization);
        await Insert(connection, transaction, admin);
        await audit.Append(
            connection, transaction, organization.Id, [AuditChange.Of("organization", "created", organization.Id, null, organization), Created(admin)], AuditCaller.Current);
        await transaction.CommitAsync();
    }

    private static AuditChange Created(UserAccount account) => AuditChange.Of("user", "created", account.User.Id, null, account.User);

    public async Task RecordSignIn(Guid userId, DateTime at, string? rehashedPassword)
    {
        await using var connection = await db.OpenConnectionAsync();
        await connection.ExecuteAsync(
            "UPDATE app.users SET last_login_at = @at, password_hash = coalesce(@rehashedPassword, password_hash) WHERE id = @userId",
            new { userId, at, rehashedPassword });
    }

    /// <summary>
    /// Applies a change, audited as user.updated. A change of role or access moves the security stamp on (ending the
    /// user's access tokens); deactivation also revokes their refresh tokens, in the same transaction. Refuses to
    /// leave the organisation without an active admin.
    /// </summary>
    public async Task<UserDetails?> Update(Guid organizationId, Guid id, UserChange change, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        // Taken first by every change that could remove an admin, so two admins demoting each other wait in turn and
        // the second sees the first's change; other changes never take it.
        if ((change.Role is { } role && role != Roles.Admin) || change.IsActive == false)
        {
            await connection.ExecuteAsync(
                "SELECT 1 FROM app.organizations WHERE id = @organizationId FOR NO KEY UPDATE", new { organizationId }, transaction);
        }

        var before = await connection.QuerySingleOrDefaultAsync<UserDetails>(
            $"SELECT {Columns} FROM app.users WHERE organization_id = @organizationId AND id = @id FOR UPDATE", new { organizationId, id }, transaction);
        if (before is null)
        {
            return null;
        }

        var removesAnAdmin = before is { Role: Roles.Admin, IsActive: true } && (change.IsActive == false || (change.Role is { } newRole && newRole != Roles.Admin));
        if (removesAnAdmin && await ActiveAdmins(connection, transaction, organizationId) <= 1)
        {
            throw new ConflictException(
                ErrorCodes.Conflict,
                "This is your organisation's last active admin: make another user an admin first.",
                [new FieldError(change.IsActive == false ? "isActive" : "role", "An organisation keeps at least one active admin.")]);
        }

        var after = await connection.QuerySingleAsync<UserDetails>(
            "UPDATE app.users SET first_name = coalesce(@FirstName, first_name), last_name = coalesce(@LastName, last_name), " +
            "role = coalesce(@Role, role), phone = coalesce(@Phone, phone), is_active = coalesce(@IsActive, is_active), updated_at = @now, " +
            // A token names its role and was issued to an active user: when either changes, the tokens held are outlived.
            "security_stamp = security_stamp + CASE WHEN coalesce(@Role, role) <> role OR coalesce(@IsActive, is_active) <> is_active THEN 1 ELSE 0 END " +
            $"WHERE id = @id RETURNING {Columns}",
            new { change.FirstName, change.LastName, change.Role, change.Phone, change.IsActive, now, id, organizationId },
            transaction);
        if (!after.IsActive)
        {
            await RefreshTokenRepository.RevokeAllOf(connection, transaction, id, now);
        }

        if (after != before)
        {
            await audit.Append(connection, transaction, organizationId, AuditChange.Of("user", "updated", id, before, after));
        }

        await transaction.CommitAsync();
        return after;
    }

    private static Task<long> ActiveAdmins(NpgsqlConnection connection, NpgsqlTransaction transaction, Guid organizationId) =>
        connection.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM app.users WHERE organization_id = @organizationId AND role = 'admin' AND is_active", new { organizationId }, transaction);

    /// <summary>
    /// Replaces the password hash, moves the security stamp on (ending the user's access tokens), revokes their
    /// refresh tokens and audits user.password_changed (without hashes), all or nothing. Answers how many tokens
    /// were revoked, or null when the stored hash is no longer the one the current password was checked against (a
    /// change that committed in between): nothing is written then.
    /// </summary>
    public async Task<int?> ChangePassword(UserAccount account, string newPasswordHash, DateTime at)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var changed = await connection.ExecuteAsync(
            "UPDATE app.users SET password_hash = @newPasswordHash, updated_at = @at, security_stamp = security_stamp + 1 " +
            "WHERE id = @id AND password_hash = @checkedHash",
            new { newPasswordHash, at, id = account.User.Id, checkedHash = account.PasswordHash },
            transaction);
        if (changed == 0)
        {
            return null;
        }

        var revoked = await RefreshTokenRepository.RevokeAllOf(connection, transaction, account.User.Id, at);
        await audit.Append(connection, transaction, account.User.OrganizationId, AuditChange.Of("user", "password_changed", account.User.Id, null, null));
        await transaction.CommitAsync();
        return revoked;
    }
}
