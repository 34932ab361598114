using System.Net;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using Microsoft.Extensions.Logging;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// Refresh-token rotation on any silo: the database row of each token is the only state, and it is spent under
/// a row lock, so a token replayed on two Api nodes at once is spent once and the second spend counts as reuse.
/// </summary>
[StatelessWorker]
public sealed class SessionsGrain(RefreshTokenRepository tokens, UserRepository users, TimeProvider time, ILogger<SessionsGrain> logger)
    : Grain, ISessionsGrain
{
    public Task Keep(RefreshTokenGrant grant) => tokens.Keep(grant);

    public async Task<AccessGrant> Rotate(string presentedHash, string nextHash, DateTime nextExpiresAt, IPAddress? client)
    {
        // A live token is spent only from where its organisation admits requests; a spent one still goes on to reuse
        // detection wherever it comes from, since replaying it is the sign of a copy.
        if (await tokens.OrganizationOfLive(presentedHash, time.GetUtcNow().UtcDateTime) is { } organization)
        {
            await GrainFactory.GetGrain<IOrganizationGateGrain>(GrainKeys.OrganizationGate(organization)).EnsureAdmitted(client);
        }

        var (outcome, organizationId, userId) = await tokens.Rotate(presentedHash, nextHash, nextExpiresAt, time.GetUtcNow().UtcDateTime);
        switch (outcome)
        {
            case RefreshOutcome.Rotated:
                // The role and stamp as they are now: a refresh after a role change carries the new role.
                return await users.FindAccount(organizationId, userId) is { } account ? new AccessGrant(account.User, account.SecurityStamp) : throw Refused();
            case RefreshOutcome.Reused:
                // A spent token coming back means two holders: the thief or the owner, we cannot tell which, so both lose it.
                logger.LogWarning("Refresh token reuse: every refresh token of user {ReusedByUserId} in that sign-in was revoked", userId);
                throw Refused();
            case RefreshOutcome.Suspended:
                throw new AccountSuspendedException();
            default:
                throw Refused();
        }
    }

    public Task Revoke(string presentedHash) => tokens.RevokeFamilyOf(presentedHash, time.GetUtcNow().UtcDateTime);

    private static UnauthenticatedException Refused() =>
        new(ErrorCodes.InvalidToken, "The refresh token is not valid (expired, revoked or already used): sign in again.");
}
