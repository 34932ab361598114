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

/// <summary>
/// A user row with its password hash and security stamp: never leaves the Grains project. PasswordHash is null for an
/// invited user who has not chosen a password yet.
/// </summary>
public sealed record UserAccount(UserDetails User, string? PasswordHash, int SecurityStamp = 0)
{
    /// <summary>A user whose address is proved already: a verified sign-up's admin, the bootstrap admin, the demo's people.</summary>
    public static UserAccount Open(
        Guid id, Guid organizationId, string email, string passwordHash, string firstName, string lastName, string role, string? phone, DateTime now) =>
        new(new UserDetails(id, organizationId, email, firstName.Trim(), lastName.Trim(), role, phone, IsActive: true, null, now, EmailVerifiedAt: now), passwordHash);

    /// <summary>A user an admin invited: active, but unable to sign in until they follow the invitation mailed to them.</summary>
    public static UserAccount Invite(
        Guid id, Guid organizationId, string email, string? passwordHash, string firstName, string lastName, string role, string? phone, DateTime now) =>
        new(new UserDetails(id, organizationId, email, firstName.Trim(), lastName.Trim(), role, phone, IsActive: true, null, now, EmailVerifiedAt: null), passwordHash);
}

/// <summary>SQL for app.users.</summary>
public sealed class UserRepository(NpgsqlDataSource db, AuditLog audit)
{
    /// <summary>One verified account per address, across all organisations.</summary>
    public const string EmailUnique = "users_email_unique";

    /// <summary>One row per address within an organisation, invited or not.</summary>
    public const string EmailUniqueInOrganization = "users_email_per_organization";

    private const string Columns =
        "id, organization_id, email, first_name, last_name, role, phone, is_active, last_login_at, created_at, email_verified_at";

    /// <summary>The account an address signs in to: the verified one (invitations not yet accepted claim no address).</summary>
    public Task<UserAccount?> FindByEmail(string email) => FindAccount("lower(email) = lower(@email) AND email_verified_at IS NOT NULL", new { email });

    /// <summary>A user of an organisation with their password hash, for checking it.</summary>
    public Task<UserAccount?> FindAccount(Guid organizationId, Guid id) =>
        FindAccount("organization_id = @organizationId AND id = @id", new { organizationId, id });

    /// <summary>
    /// An active, verified user's security stamp, or null when the organisation has no such user: the gate's question.
    /// </summary>
    public async Task<int?> ActiveStamp(Guid organizationId, Guid id)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<int?>(
            "SELECT security_stamp FROM app.users WHERE organization_id = @organizationId AND id = @id AND is_active AND email_verified_at IS NOT NULL",
            new { organizationId, id });
    }

    private async Task<UserAccount?> FindAccount(string where, object parameters)
    {
        await using var connection = await db.OpenConnectionAsync();
        var rows = await connection.QueryAsync<UserDetails, string?, int, UserAccount>(
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

    /// <summary>Whether an address has its (verified) account already.</summary>
    public async Task<bool> EmailClaimed(string email)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<bool>(
            "SELECT EXISTS (SELECT 1 FROM app.users WHERE lower(email) = lower(@email) AND email_verified_at IS NOT NULL)", new { email });
    }

    public async Task<string> OrganizationName(Guid organizationId)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleAsync<string>("SELECT name FROM app.organizations WHERE id = @organizationId", new { organizationId });
    }

    public Task<Page<UserDetails>> List(Guid organizationId, PageRequest page) =>
        db.QueryPageAsync<UserDetails>(
            Columns, "FROM app.users WHERE organization_id = @organizationId", "last_name, first_name, id", new { organizationId }, page);

    /// <summary>Adds an invited user, their invitation link and its mail, audited as user.created (without the password hash).</summary>
    public async Task Invite(UserAccount account, NewEmailLink link, AccountMail mail, AccountMails mails)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await Insert(connection, transaction, account);
        await EmailLinks.Issue(connection, transaction, EmailLink.Invitation, null, account.User.Id, link, account.User.CreatedAt);
        await mails.Queue(connection, transaction, mail);
        await audit.Append(connection, transaction, account.User.OrganizationId, Created(account));
        await transaction.CommitAsync();
    }

    /// <summary>A new invitation link for a user who has not accepted yet (earlier links stop working), audited as user.invited.</summary>
    public async Task Reinvite(UserDetails user, NewEmailLink link, AccountMail mail, AccountMails mails, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await EmailLinks.Issue(connection, transaction, EmailLink.Invitation, null, user.Id, link, now);
        await mails.Queue(connection, transaction, mail);
        await audit.Append(connection, transaction, user.OrganizationId, AuditChange.Of("user", "invited", user.Id, null, null));
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Follows an invitation link: the invitee's address counts as proved, <paramref name="passwordHash"/> (when given)
    /// replaces the one the admin chose, and the acceptance counts as a sign-in; audited as user.invitation_accepted.
    /// A unique violation on <see cref="EmailUnique"/> means the address has an account elsewhere; the caller answers it.
    /// </summary>
    public async Task<UserAccount> AcceptInvitation(string? token, Func<UserAccount, string?> passwordHash, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var link = await EmailLinks.Follow(connection, transaction, EmailLink.Invitation, token, now);
        var rows = await connection.QueryAsync<UserDetails, string?, int, UserAccount>(
            $"SELECT {Columns}, password_hash, security_stamp FROM app.users WHERE id = @id FOR UPDATE",
            (user, hash, stamp) => new UserAccount(user, hash, stamp),
            new { id = link.UserId },
            transaction,
            splitOn: "password_hash,security_stamp");
        var invited = rows.Single();
        if (!invited.User.IsActive || invited.User.EmailVerifiedAt is not null)
        {
            throw new EmailLinkException(ErrorCodes.LinkInvalid, "This invitation was withdrawn: ask whoever invited you.");
        }

        var hash = passwordHash(invited);
        var accepted = await connection.QuerySingleAsync<UserDetails>(
            "UPDATE app.users SET email_verified_at = @now, last_login_at = @now, updated_at = @now, password_hash = coalesce(@hash, password_hash), " +
            $"security_stamp = security_stamp + 1 WHERE id = @id RETURNING {Columns}",
            new { now, hash, id = invited.User.Id },
            transaction);
        await EmailLinks.Used(connection, transaction, link, now);
        await audit.Append(connection, transaction, accepted.OrganizationId, AuditChange.Of("user", "invitation_accepted", accepted.Id, null, null));
        await transaction.CommitAsync();
        return new UserAccount(accepted, hash ?? invited.PasswordHash, invited.SecurityStamp + 1);
    }

    /// <summary>Inserts a user unaudited: for seeding demo data, which no one changed.</summary>
    public static Task Insert(NpgsqlConnection connection, NpgsqlTransaction? transaction, UserAccount account) =>
        connection.ExecuteAsync(
            $"INSERT INTO app.users ({Columns}, password_hash, updated_at) VALUES (@Id, @OrganizationId, @Email, @FirstName, " +
            "@LastName, @Role, @Phone, @IsActive, @LastLoginAt, @CreatedAt, @EmailVerifiedAt, @PasswordHash, @CreatedAt)",
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
                account.User.EmailVerifiedAt,
                account.PasswordHash,
            },
            transaction);

    /// <summary>A new business: its organisation and first admin, both or neither.</summary>
    public async Task OpenOrganization(OrganizationDetails organization, UserAccount admin)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await OpenOrganization(connection, transaction, organization, admin);
        await transaction.CommitAsync();
    }

    /// <summary>The same inside the caller's transaction, audited as organization.created and user.created.</summary>
    public async Task OpenOrganization(NpgsqlConnection connection, NpgsqlTransaction transaction, OrganizationDetails organization, UserAccount admin)
    {
        await OrganizationRepository.Insert(connection, transaction, organization);
        await Insert(connection, transaction, admin);
        await audit.Append(
            connection, transaction, organization.Id, [AuditChange.Of("organization", "created", organization.Id, null, organization), Created(admin)], AuditCaller.Current);
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

        // An invited admin cannot sign in yet, so only a verified one counts.
        var removesAnAdmin = before is { Role: Roles.Admin, IsActive: true, EmailVerifiedAt: not null } && (change.IsActive == false || (change.Role is { } newRole && newRole != Roles.Admin));
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
            "SELECT count(*) FROM app.users WHERE organization_id = @organizationId AND role = 'admin' AND is_active AND email_verified_at IS NOT NULL",
            new { organizationId },
            transaction);

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
