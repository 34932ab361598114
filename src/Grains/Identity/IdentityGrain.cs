using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Grains.Catalogue;
using InventoryProFlow.Grains.Storage;
using InventoryProFlow.Grains.Validation;
using Npgsql;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Sign-in, sign-up and users. Stateless, because hashing is CPU work best spread over every silo,
/// and users are rows, not live state.
/// </summary>
[StatelessWorker]
public sealed class IdentityGrain(
    UserRepository users,
    SignUpRepository signUps,
    PasswordHashing passwords,
    AccountMails mails,
    AccountLinkSettings links,
    IdFactory ids,
    TimeProvider time) : Grain, IIdentityGrain
{
    public async Task<AccessGrant> SignIn(string email, string password)
    {
        new Violations().Required("email", email, int.MaxValue).Required("password", password, int.MaxValue).ThrowIfAny();
        if (email.Length > 254 || password.Length > PasswordPolicy.MaxLength)
        {
            // No account can have these, and the answer must not differ from any other wrong sign-in.
            passwords.SpendDecoyTime(password[..Math.Min(password.Length, PasswordPolicy.MaxLength)]);
            throw new InvalidCredentialsException();
        }

        // A waiting sign-up has a password of its own, so it is checked too: a second hash, spent whether or not the
        // address has an account, so the time taken tells nothing about accounts.
        var now = time.GetUtcNow().UtcDateTime;
        var account = await users.FindByEmail(email.Trim());
        var waiting = await signUps.Waiting(email.Trim(), now);
        var (valid, outdated) = (false, false);
        if (account is null)
        {
            passwords.SpendDecoyTime(password);
        }
        else
        {
            // An inactive account is checked like any other, so refusing it costs the same one hash as a wrong password.
            (valid, outdated) = passwords.Verify(account.PasswordHash!, password);
        }

        if (account is null || !valid || !account.User.IsActive)
        {
            if (waiting is not null && passwords.Verify(waiting.PasswordHash, password).Valid)
            {
                throw new EmailNotVerifiedException();
            }

            throw new InvalidCredentialsException();
        }

        // Told only to whoever knows the password; asked before the sign-in is recorded, so a refused one changes nothing.
        await Gate(account.User.OrganizationId).EnsureServed();

        // Upgrading an old hash is a second hash: only a sign-in that succeeds may spend it.
        await users.RecordSignIn(account.User.Id, now, outdated ? passwords.Hash(password) : null);
        return new AccessGrant(account.User with { LastLoginAt = now }, account.SecurityStamp);
    }

    public async Task<PasswordChanged> ChangePassword(Guid organizationId, Guid userId, PasswordChange change)
    {
        new Violations()
            .Required("currentPassword", change.CurrentPassword, int.MaxValue)
            .CheckPassword("newPassword", change.NewPassword)
            .ThrowIfAny();

        // The gate refuses a deactivated user's token; this holds if the database changed behind the gate's back.
        var account = await users.FindAccount(organizationId, userId);
        if (account is not { User.IsActive: true })
        {
            throw new UnauthenticatedException(ErrorCodes.InvalidToken, "The access token no longer names an active user: sign in again.");
        }

        var current = change.CurrentPassword!;
        if (current.Length > PasswordPolicy.MaxLength || account.PasswordHash is null || !passwords.Verify(account.PasswordHash, current).Valid)
        {
            throw WrongCurrentPassword();
        }

        if (change.NewPassword == current)
        {
            throw new ValidationFailedException([new FieldError("newPassword", "newPassword must differ from your current password.")]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var revoked = await users.ChangePassword(account, passwords.Hash(change.NewPassword!), now)
            ?? throw WrongCurrentPassword(); // another change committed since the check: the password given is no longer current
        await Gate(organizationId).CredentialChanged(userId);
        return new PasswordChanged(now, revoked);
    }

    public async Task<SignUpAccepted> Register(Registration registration)
    {
        new Violations()
            .Required("organizationName", registration.OrganizationName)
            .Required("businessType", registration.BusinessType, 32)
            .OneOf("businessType", registration.BusinessType, CatalogueRules.BusinessTypes)
            .Required("email", registration.Email, 254)
            .Email("email", registration.Email?.Trim())
            .CheckPassword("password", registration.Password)
            .Required("firstName", registration.FirstName, 100)
            .Required("lastName", registration.LastName, 100)
            .ThrowIfAny();

        // The same work whether or not the address has an account: one hash, one sign-up row, one link, one mail. Only
        // the mail's words differ, and only the address's owner reads them.
        var email = registration.Email!.Trim();
        var organizationName = registration.OrganizationName!.Trim();
        var firstName = registration.FirstName!.Trim();
        var signUp = new WaitingSignUp(
            ids.NewId(), email, organizationName, registration.BusinessType!, firstName, registration.LastName!.Trim(), passwords.Hash(registration.Password!));
        var now = time.GetUtcNow().UtcDateTime;
        var link = NewEmailLink.Make(now, links.VerificationLink);
        var mail = await users.EmailClaimed(email)
            ? mails.AlreadyRegistered(email, organizationName, now)
            : mails.Verification(email, firstName, organizationName, link.Token, link.ExpiresAt, now);
        await signUps.Record(signUp, link, mail, mails, now);
        mails.Logged(mail);
        return new SignUpAccepted(email, mails.Delivery, link.ExpiresAt);
    }

    public async Task<AccessGrant> VerifyEmail(string? token)
    {
        new Violations().Required("token", token, 256).ThrowIfAny();
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            var (_, admin) = await signUps.Verify(
                token,
                signUp =>
                {
                    var organization = OrganizationRepository.Starter(ids.NewId(), signUp.OrganizationName, signUp.BusinessType, signUp.Email, now);
                    // Following the link is the admin's first sign-in: the seed's sign-up answer comes from here.
                    var admin = UserAccount.Open(ids.NewId(), organization.Id, signUp.Email, signUp.PasswordHash, signUp.FirstName, signUp.LastName, Roles.Admin, null, now);
                    return (organization, admin with { User = admin.User with { LastLoginAt = now } });
                },
                now);
            return new AccessGrant(admin.User, admin.SecurityStamp);
        }
        catch (PostgresException error) when (error.IsUniqueViolation(UserRepository.EmailUnique))
        {
            // Told only to whoever holds the link, that is, the address's owner.
            throw new ConflictException(
                ErrorCodes.EmailInUse, "This address has an account already: sign in with it.", [new FieldError("token", "The address of this sign-up has an account already.")]);
        }
    }

    public async Task<SignUpAccepted> ResendVerification(string? email)
    {
        new Violations().Required("email", email, 254).Email("email", email?.Trim()).ThrowIfAny();
        var address = email!.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        var link = NewEmailLink.Make(now, links.VerificationLink);
        // Nothing is sent for an address with an account or no waiting sign-up, and the answer does not say so.
        if (await signUps.Waiting(address, now) is { } waiting && !await users.EmailClaimed(address))
        {
            var mail = mails.Verification(waiting.Email, waiting.FirstName, waiting.OrganizationName, link.Token, link.ExpiresAt, now);
            await signUps.Renew(waiting, link, mail, mails, now);
            mails.Logged(mail);
        }

        return new SignUpAccepted(address, mails.Delivery, link.ExpiresAt);
    }

    public async Task<AccessGrant> AcceptInvitation(InvitationAcceptance acceptance)
    {
        new Violations()
            .Required("token", acceptance.Token, 256)
            .CheckOptionalPassword("password", acceptance.Password)
            .ThrowIfAny();

        // Hashed before the transaction, so the row lock is held for a write, not for a hash.
        var hash = acceptance.Password is { } password ? passwords.Hash(password) : null;
        var now = time.GetUtcNow().UtcDateTime;
        try
        {
            var accepted = await users.AcceptInvitation(
                acceptance.Token,
                invited => invited.PasswordHash is null && hash is null
                    ? throw new ValidationFailedException([new FieldError("password", "password is required: choose the one you will sign in with.")])
                    : hash,
                now);
            await Gate(accepted.User.OrganizationId).EnsureServed();
            return new AccessGrant(accepted.User, accepted.SecurityStamp);
        }
        catch (PostgresException error) when (error.IsUniqueViolation(UserRepository.EmailUnique))
        {
            // Told only to whoever holds the link, that is, the address's owner.
            throw new ConflictException(
                ErrorCodes.EmailInUse,
                "This address has an account in another organisation already, and one address signs in to one account: ask whoever invited you to invite another address.",
                [new FieldError("token", "The invited address has an account already.")]);
        }
    }

    public async Task<InvitationSent> Reinvite(Guid organizationId, Guid userId)
    {
        var user = await users.Find(organizationId, userId) ?? throw NotFoundException.For("user", userId);
        if (user.EmailVerifiedAt is not null)
        {
            throw new ConflictException(ErrorCodes.Conflict, "This user accepted their invitation already.");
        }

        if (!user.IsActive)
        {
            throw new ConflictException(ErrorCodes.Conflict, "This user is deactivated: reactivate them before inviting them again.", [new FieldError("isActive", "The user is deactivated.")]);
        }

        var now = time.GetUtcNow().UtcDateTime;
        var link = NewEmailLink.Make(now, links.Invitation);
        var account = await users.FindAccount(organizationId, userId);
        var mail = mails.Invitation(
            organizationId, userId, user.Email, user.FirstName, await users.OrganizationName(organizationId), user.Role, account?.PasswordHash is not null, link.Token, link.ExpiresAt, now);
        await users.Reinvite(user, link, mail, mails, now);
        mails.Logged(mail);
        return new InvitationSent(userId, mails.Delivery, link.ExpiresAt);
    }

    public async Task<UserDetails> CreateUser(Guid organizationId, UserDraft draft)
    {
        new Violations()
            .Required("email", draft.Email, 254)
            .Email("email", draft.Email?.Trim())
            .CheckOptionalPassword("password", draft.Password)
            .Required("firstName", draft.FirstName, 100)
            .Required("lastName", draft.LastName, 100)
            .Required("role", draft.Role, 16)
            .OneOf("role", draft.Role, Roles.All)
            .MaxLength("phone", draft.Phone, 32)
            .ThrowIfAny();

        // Whether the address has an account in another organisation changes nothing here: the user is invited all the
        // same, and the invitation cannot be accepted (the owner of the address is told why).
        var email = draft.Email!.Trim();
        var now = time.GetUtcNow().UtcDateTime;
        var account = UserAccount.Invite(
            ids.NewId(), organizationId, email, draft.Password is { } password ? passwords.Hash(password) : null, draft.FirstName!, draft.LastName!, draft.Role!, draft.Phone, now);
        var link = NewEmailLink.Make(now, links.Invitation);
        var mail = mails.Invitation(
            organizationId, account.User.Id, email, account.User.FirstName, await users.OrganizationName(organizationId), account.User.Role,
            account.PasswordHash is not null, link.Token, link.ExpiresAt, now);
        try
        {
            await users.Invite(account, link, mail, mails);
        }
        catch (PostgresException error) when (error.IsUniqueViolation(UserRepository.EmailUniqueInOrganization))
        {
            throw new ConflictException(
                ErrorCodes.EmailInUse, "This address is already one of your organisation's users.", [new FieldError("email", "email is already one of your users.")]);
        }

        mails.Logged(mail);
        return account.User;
    }

    public Task<Page<UserDetails>> ListUsers(Guid organizationId, PageRequest page) => users.List(organizationId, page);

    public async Task<UserDetails> GetUser(Guid organizationId, Guid userId) =>
        await users.Find(organizationId, userId) ?? throw NotFoundException.For("user", userId);

    public async Task<UserDetails> UpdateUser(Guid organizationId, Guid userId, UserChange change, Guid changedBy)
    {
        new Violations()
            .MaxLength("firstName", change.FirstName, 100)
            .When(change.FirstName is { } first && string.IsNullOrWhiteSpace(first), "firstName", "firstName cannot be blank.")
            .MaxLength("lastName", change.LastName, 100)
            .When(change.LastName is { } last && string.IsNullOrWhiteSpace(last), "lastName", "lastName cannot be blank.")
            .OneOf("role", change.Role, Roles.All)
            .MaxLength("phone", change.Phone, 32)
            // Any value, even the one held: a token that outlived its rights must not restore them, and no one needs to set their own.
            .When(
                userId == changedBy && change.IsActive is not null,
                "isActive",
                change.IsActive == false ? "You cannot deactivate yourself; another admin can." : "You cannot change your own access; another admin can.")
            .When(
                userId == changedBy && change.Role is not null,
                "role",
                change.Role == Roles.Admin ? "You cannot change your own role; another admin can." : "You cannot demote yourself; another admin can.")
            .ThrowIfAny();
        var changed = await users.Update(organizationId, userId, change, time.GetUtcNow().UtcDateTime) ?? throw NotFoundException.For("user", userId);
        if (change.Role is not null || change.IsActive is not null)
        {
            await Gate(organizationId).CredentialChanged(userId);
        }

        return changed;
    }

    // Told after the change committed, so the gate's next read finds it; if this call fails, the gate rereads within a minute anyway.
    private IOrganizationGateGrain Gate(Guid organizationId) => GrainFactory.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(organizationId));

    // A 400 on the field rather than a 401: clients read a 401 as "the session ended" and sign the person out.
    private static ValidationFailedException WrongCurrentPassword() =>
        new([new FieldError("currentPassword", "currentPassword is not your current password.")]);

}
