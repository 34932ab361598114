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
    PasswordHashing passwords,
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

        var account = await users.FindByEmail(email.Trim());
        if (account is null)
        {
            passwords.SpendDecoyTime(password);
            throw new InvalidCredentialsException();
        }

        // An inactive account is checked like any other, so refusing it costs the same one hash as a wrong password.
        var (valid, outdated) = passwords.Verify(account.PasswordHash, password);
        if (!valid || !account.User.IsActive)
        {
            throw new InvalidCredentialsException();
        }

        // Told only to whoever knows the password; asked before the sign-in is recorded, so a refused one changes nothing.
        await GrainFactory.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(account.User.OrganizationId)).EnsureServed();

        // Upgrading an old hash is a second hash: only a sign-in that succeeds may spend it.
        var now = time.GetUtcNow().UtcDateTime;
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
        if (current.Length > PasswordPolicy.MaxLength || !passwords.Verify(account.PasswordHash, current).Valid)
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

    public async Task<AccessGrant> Register(Registration registration)
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

        var email = registration.Email!.Trim();
        await RefuseEmailInUse(email);

        var now = time.GetUtcNow().UtcDateTime;
        var organization = OrganizationRepository.Starter(ids.NewId(), registration.OrganizationName!.Trim(), registration.BusinessType!, email, now);
        var admin = NewAccount(organization.Id, email, registration.Password!, registration.FirstName!, registration.LastName!, Roles.Admin, null, now);
        await Saving(() => users.OpenOrganization(organization, admin));
        return new AccessGrant(admin.User, admin.SecurityStamp);
    }

    public async Task<UserDetails> CreateUser(Guid organizationId, UserDraft draft)
    {
        new Violations()
            .Required("email", draft.Email, 254)
            .Email("email", draft.Email?.Trim())
            .CheckPassword("password", draft.Password)
            .Required("firstName", draft.FirstName, 100)
            .Required("lastName", draft.LastName, 100)
            .Required("role", draft.Role, 16)
            .OneOf("role", draft.Role, Roles.All)
            .MaxLength("phone", draft.Phone, 32)
            .ThrowIfAny();

        var email = draft.Email!.Trim();
        await RefuseEmailInUse(email);
        var account = NewAccount(organizationId, email, draft.Password!, draft.FirstName!, draft.LastName!, draft.Role!, draft.Phone, time.GetUtcNow().UtcDateTime);
        await Saving(() => users.Insert(account));
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

    private UserAccount NewAccount(Guid organizationId, string email, string password, string firstName, string lastName, string role, string? phone, DateTime now) =>
        UserAccount.Open(ids.NewId(), organizationId, email, passwords.Hash(password), firstName, lastName, role, phone, now);

    private async Task RefuseEmailInUse(string email)
    {
        if (await users.EmailInUse(email))
        {
            throw EmailInUse();
        }
    }

    // Two sign-ups with one email may race past the check; the unique index decides.
    private static async Task Saving(Func<Task> write)
    {
        try
        {
            await write();
        }
        catch (PostgresException error) when (error.IsUniqueViolation(UserRepository.EmailUnique))
        {
            throw EmailInUse();
        }
    }

    // A 400 on the field rather than a 401: clients read a 401 as "the session ended" and sign the person out.
    private static ValidationFailedException WrongCurrentPassword() =>
        new([new FieldError("currentPassword", "currentPassword is not your current password.")]);

    private static ConflictException EmailInUse() =>
        new(ErrorCodes.EmailInUse, "An account with this email already exists.", [new FieldError("email", "email is already in use.")]);
}
