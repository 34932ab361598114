using Dapper;
using InventoryProFlow.Contracts.Catalogue;
using Npgsql;

namespace InventoryProFlow.Grains.Identity;

/// <summary>A business that signed up and has not verified its address: what the organisation and its admin will be.</summary>
public sealed record WaitingSignUp(Guid Id, string Email, string OrganizationName, string BusinessType, string FirstName, string LastName, string PasswordHash);

/// <summary>
/// SQL for app.sign_ups: sign-ups wait here, claiming no address, until their link is followed; then the organisation
/// and its admin are created in one transaction.
/// </summary>
public sealed class SignUpRepository(NpgsqlDataSource db, UserRepository users)
{
    private const string Columns = "id, email, organization_name, business_type, first_name, last_name, password_hash";

    /// <summary>The waiting sign-up of an address, if it was asked for within the time sign-ups are kept.</summary>
    public async Task<WaitingSignUp?> Waiting(string email, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        return await connection.QuerySingleOrDefaultAsync<WaitingSignUp>(
            $"SELECT {Columns} FROM app.sign_ups WHERE lower(email) = lower(@email) AND verified_at IS NULL AND requested_at > @since",
            new { email, since = now - AccountLinkSettings.SignUpKeptFor });
    }

    /// <summary>
    /// Records a sign-up (replacing the address's waiting one, whose links stop working), stores its link and queues
    /// <paramref name="mail"/>, all or nothing. Sign-ups left waiting longer than they are kept are forgotten here.
    /// </summary>
    public async Task Record(WaitingSignUp signUp, NewEmailLink link, AccountMail mail, AccountMails mails, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync(
            "DELETE FROM app.sign_ups WHERE verified_at IS NULL AND requested_at <= @since", new { since = now - AccountLinkSettings.SignUpKeptFor }, transaction);
        var id = await connection.QuerySingleAsync<Guid>(
            "INSERT INTO app.sign_ups (id, email, organization_name, business_type, first_name, last_name, password_hash, requested_at) " +
            "VALUES (@Id, @Email, @OrganizationName, @BusinessType, @FirstName, @LastName, @PasswordHash, @now) " +
            "ON CONFLICT (lower(email)) WHERE verified_at IS NULL DO UPDATE SET email = excluded.email, organization_name = excluded.organization_name, " +
            "business_type = excluded.business_type, first_name = excluded.first_name, last_name = excluded.last_name, " +
            "password_hash = excluded.password_hash, requested_at = excluded.requested_at RETURNING id",
            new { signUp.Id, signUp.Email, signUp.OrganizationName, signUp.BusinessType, signUp.FirstName, signUp.LastName, signUp.PasswordHash, now },
            transaction);
        await EmailLinks.Issue(connection, transaction, EmailLink.VerifyEmail, id, null, link, now);
        await mails.Queue(connection, transaction, mail);
        await transaction.CommitAsync();
    }

    /// <summary>A new link for a waiting sign-up (earlier ones stop working); it is kept a while longer from now.</summary>
    public async Task Renew(WaitingSignUp signUp, NewEmailLink link, AccountMail mail, AccountMails mails, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        await connection.ExecuteAsync("UPDATE app.sign_ups SET requested_at = @now WHERE id = @Id", new { now, signUp.Id }, transaction);
        await EmailLinks.Issue(connection, transaction, EmailLink.VerifyEmail, signUp.Id, null, link, now);
        await mails.Queue(connection, transaction, mail);
        await transaction.CommitAsync();
    }

    /// <summary>
    /// Follows a verification link: creates the sign-up's organisation and its admin (verified), spends the link and
    /// audits the creation, all or nothing. A unique violation on the users' email means the address got an account
    /// meanwhile; the caller answers it.
    /// </summary>
    public async Task<(OrganizationDetails Organization, UserAccount Admin)> Verify(string? token, Func<WaitingSignUp, (OrganizationDetails, UserAccount)> open, DateTime now)
    {
        await using var connection = await db.OpenConnectionAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var link = await EmailLinks.Follow(connection, transaction, EmailLink.VerifyEmail, token, now);
        var signUp = await connection.QuerySingleAsync<WaitingSignUp>(
            $"SELECT {Columns} FROM app.sign_ups WHERE id = @id FOR UPDATE", new { id = link.SignUpId }, transaction);
        var (organization, admin) = open(signUp);
        await users.OpenOrganization(connection, transaction, organization, admin);
        await EmailLinks.Used(connection, transaction, link, now);
        await connection.ExecuteAsync(
            "UPDATE app.sign_ups SET verified_at = @now, organization_id = @organizationId WHERE id = @id",
            new { now, organizationId = organization.Id, id = signUp.Id },
            transaction);
        await transaction.CommitAsync();
        return (organization, admin);
    }
}
