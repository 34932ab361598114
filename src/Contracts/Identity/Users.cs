using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Identity;

/// <summary>The three roles of DESIGN.md section 1.</summary>
public static class Roles
{
    public const string Admin = "admin";
    public const string Manager = "manager";
    public const string Staff = "staff";

    public static IReadOnlyList<string> All { get; } = [Admin, Manager, Staff];
}

/// <summary>
/// A person who signs in. Never carries the password hash. EmailVerifiedAt is null while they are invited and have not
/// yet followed the link mailed to them: until then they cannot sign in.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.UserDetails.v1")]
public sealed record UserDetails(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] string Email,
    [property: Id(3)] string FirstName,
    [property: Id(4)] string LastName,
    [property: Id(5)] string Role,
    [property: Id(6)] string? Phone,
    [property: Id(7)] bool IsActive,
    [property: Id(8)] DateTime? LastLoginAt,
    [property: Id(9)] DateTime CreatedAt,
    [property: Id(10)] DateTime? EmailVerifiedAt = null);

/// <summary>
/// What an access token is issued for: the user as they are now and their security stamp, which the token carries so
/// the organisation's gate can refuse it once a change to the account (role, access, password) has moved the stamp on.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.AccessGrant.v1")]
public sealed record AccessGrant(
    [property: Id(0)] UserDetails User,
    [property: Id(1)] int SecurityStamp);

/// <summary>A new business signing up: its organisation and first admin.</summary>
[GenerateSerializer, Immutable, Alias("ipf.Registration.v1")]
public sealed record Registration(
    [property: Id(0)] string? OrganizationName,
    [property: Id(1)] string? BusinessType,
    [property: Id(2)] string? Email,
    [property: Id(3)] string? Password,
    [property: Id(4)] string? FirstName,
    [property: Id(5)] string? LastName);

/// <summary>
/// A user an admin invites to their organisation. Password is optional (the seed's form sets it): when given, it is the
/// one they sign in with once they have accepted the invitation mailed to them; when not, they choose it on accepting.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.UserDraft.v1")]
public sealed record UserDraft(
    [property: Id(0)] string? Email,
    [property: Id(1)] string? Password,
    [property: Id(2)] string? FirstName,
    [property: Id(3)] string? LastName,
    [property: Id(4)] string? Role,
    [property: Id(5)] string? Phone = null);

/// <summary>An admin's change to a user: omitted fields keep their value. isActive=false deactivates.</summary>
[GenerateSerializer, Immutable, Alias("ipf.UserChange.v1")]
public sealed record UserChange(
    [property: Id(0)] string? FirstName = null,
    [property: Id(1)] string? LastName = null,
    [property: Id(2)] string? Role = null,
    [property: Id(3)] string? Phone = null,
    [property: Id(4)] bool? IsActive = null);

/// <summary>A refresh token's hash to keep; the token itself never reaches storage.</summary>
[GenerateSerializer, Immutable, Alias("ipf.RefreshTokenGrant.v1")]
public sealed record RefreshTokenGrant(
    [property: Id(0)] string TokenHash,
    [property: Id(1)] Guid UserId,
    [property: Id(2)] Guid FamilyId,
    [property: Id(3)] DateTime ExpiresAt);

/// <summary>A signed-in user changing their own password: the current one proves it is them.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PasswordChange.v1")]
public sealed record PasswordChange(
    [property: Id(0)] string? CurrentPassword,
    [property: Id(1)] string? NewPassword);

/// <summary>When the password changed, and how many refresh tokens (other sign-ins) that ended.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PasswordChanged.v1")]
public sealed record PasswordChanged(
    [property: Id(0)] DateTime ChangedAt,
    [property: Id(1)] int RefreshTokensRevoked);

/// <summary>
/// What a sign-up answers, whether or not the address already has an account, so the answer tells no one which
/// addresses do: where the link went (Delivery: "mail", or "log" when the installation has no SMTP server) and until
/// when it works.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.SignUpAccepted.v1")]
public sealed record SignUpAccepted(
    [property: Id(0)] string Email,
    [property: Id(1)] string Delivery,
    [property: Id(2)] DateTime LinkExpiresAt);

/// <summary>An invitee accepting: the token of their link, and their password (optional when the admin chose one).</summary>
[GenerateSerializer, Immutable, Alias("ipf.InvitationAcceptance.v1")]
public sealed record InvitationAcceptance(
    [property: Id(0)] string? Token,
    [property: Id(1)] string? Password);

/// <summary>A new invitation link sent: until when it works, and where it went ("mail" or "log").</summary>
[GenerateSerializer, Immutable, Alias("ipf.InvitationSent.v1")]
public sealed record InvitationSent(
    [property: Id(0)] Guid UserId,
    [property: Id(1)] string Delivery,
    [property: Id(2)] DateTime LinkExpiresAt);

/// <summary>How account links reach people: by mail, or into the log of an installation with no SMTP server.</summary>
public static class LinkDeliveries
{
    public const string Mail = "mail";
    public const string Log = "log";
}

/// <summary>Sign-in, sign-up and the users of an organisation (a stateless worker over the users table).</summary>
public interface IIdentityGrain : IGrainWithStringKey
{
    /// <summary>
    /// Signs in a verified, active user. A password that is a waiting sign-up's (one not yet verified) answers 403
    /// EMAIL_NOT_VERIFIED: told only to whoever knows that password.
    /// </summary>
    Task<AccessGrant> SignIn(string email, string password);

    /// <summary>
    /// Records a sign-up and mails its verification link; nothing else exists until the link is followed. An address that
    /// already has an account gets a mail saying so instead, and the caller the same answer.
    /// </summary>
    Task<SignUpAccepted> Register(Registration registration);

    /// <summary>Follows a sign-up's link: creates its organisation and admin, and signs the admin in.</summary>
    Task<AccessGrant> VerifyEmail(string? token);

    /// <summary>Mails a new link for the waiting sign-up of this address, if there is one; the same answer either way.</summary>
    Task<SignUpAccepted> ResendVerification(string? email);

    /// <summary>Follows an invitation's link: proves the invitee's address, sets their password, and signs them in.</summary>
    Task<AccessGrant> AcceptInvitation(InvitationAcceptance acceptance);

    /// <summary>Mails an invited user (one who has not accepted yet) a new link; earlier links stop working.</summary>
    Task<InvitationSent> Reinvite(Guid organizationId, Guid userId);

    /// <summary>
    /// Invites a user: they appear at once, unverified, and an invitation link is mailed. The answer is the same whether
    /// or not the address has an account in another organisation (then it cannot be accepted); only an address already
    /// among this organisation's users is refused (409 EMAIL_IN_USE).
    /// </summary>
    Task<UserDetails> CreateUser(Guid organizationId, UserDraft draft);

    Task<Page<UserDetails>> ListUsers(Guid organizationId, PageRequest page);

    Task<UserDetails> GetUser(Guid organizationId, Guid userId);

    /// <summary>
    /// Changes a user. Changing their role or access moves their security stamp on, so every access token they hold is
    /// refused at its next request; deactivating also revokes their refresh tokens. No one changes their own role or
    /// access, and the organisation's last active admin cannot be demoted or deactivated (409 CONFLICT).
    /// </summary>
    Task<UserDetails> UpdateUser(Guid organizationId, Guid userId, UserChange change, Guid changedBy);

    /// <summary>Replaces a user's password after checking the current one, revokes all their refresh tokens and ends their access tokens.</summary>
    Task<PasswordChanged> ChangePassword(Guid organizationId, Guid userId, PasswordChange change);
}
