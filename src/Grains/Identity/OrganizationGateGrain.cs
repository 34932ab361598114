using System.Net;
using System.Net.Sockets;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Identity;
using InventoryProFlow.Grains.Integrations;
using InventoryProFlow.Grains.Validation;

namespace InventoryProFlow.Grains.Identity;

/// <summary>
/// The door of one organisation. Every signed-in request of the organisation makes one call here, wherever it
/// arrived, so this one activation counts the hour's calls for the whole cluster, checks the allow-list from
/// memory, and refuses a token its holder's changes have outlived (a new role, deactivation, a new password, a
/// revoked client): the grains that make those changes tell this one. The count is memory only: a silo crash
/// forgets up to an hour's count, letting at most one more hour's allowance through, which is cheaper than a
/// database write per request.
/// </summary>
// Outlives the hour window, so an organisation idle for a while within the hour does not get a fresh allowance.
[CollectionAgeLimit(Minutes = 65)]
public sealed class OrganizationGateGrain(
    IpAllowListRepository allowLists,
    SubscriptionRepository subscriptions,
    UserRepository users,
    IntegrationClientRepository clients,
    RateLimitSettings limits,
    TimeProvider time)
    : Grain, IOrganizationGateGrain
{
    // A change made in the database behind the gate's back takes effect within this; the operator's changes come through the gate and at once.
    private static readonly TimeSpan RereadEvery = TimeSpan.FromMinutes(1);

    private readonly FixedWindow _hour = new(TimeSpan.FromHours(1));
    private readonly TokenStandings _holders = new(users, clients, time);
    private OrganizationAccess? _access;
    // A monotonic timestamp: how long the cached access has been kept is a duration, not a time of day.
    private long _readAt;

    private Guid OrganizationId => GrainKeys.ParseOrganizationGate(this.GetPrimaryKeyString());

    public async Task<Admission> Admit(IPAddress? client, TokenHolder holder)
    {
        var now = time.GetUtcNow();
        var access = await Access();
        // A token that no longer stands is no credential at all: refused first, as a bad token is, and not counted.
        if (!await _holders.Stands(OrganizationId, holder))
        {
            return new Admission(true, null, access.SubscriptionTier, access.SubscriptionStatus, TokenRevoked: true);
        }

        // Refused before counting: a suspended organisation (whatever its address), or an address off the list.
        if (access.Suspended)
        {
            return new Admission(true, null, access.SubscriptionTier, access.SubscriptionStatus);
        }

        if (!access.Admits(client))
        {
            return new Admission(false, null, access.SubscriptionTier, access.SubscriptionStatus);
        }

        // Every call let through is counted, limited or not, so the usage report of an unlimited tier says how many, and a
        // downgrade mid-hour counts what was already spent.
        var limit = limits.CallsPerHour(access.SubscriptionTier);
        var calls = _hour.Count(now, limit ?? int.MaxValue);
        return new Admission(true, limit is null ? null : calls, access.SubscriptionTier, access.SubscriptionStatus);
    }

    public Task CredentialChanged(Guid subjectId)
    {
        _holders.Forget(subjectId);
        return Task.CompletedTask;
    }

    public async Task EnsureServed()
    {
        if ((await Access()).Suspended)
        {
            throw new AccountSuspendedException();
        }
    }

    public async Task EnsureAdmitted(IPAddress? client)
    {
        var access = await Access();
        if (access.Suspended)
        {
            throw new AccountSuspendedException();
        }

        if (!access.Admits(client))
        {
            throw ForbiddenException.OffAllowList(client);
        }
    }

    public async Task<OrganizationUsage> Usage()
    {
        var access = await Access();
        var (count, startedAt, resetsAt) = _hour.Peek(time.GetUtcNow());
        var limit = limits.CallsPerHour(access.SubscriptionTier);
        return new OrganizationUsage(
            OrganizationId, access.SubscriptionTier, access.SubscriptionStatus, limit, count, limit is { } l ? Math.Max(l - count, 0) : null, startedAt, resetsAt);
    }

    public async Task<OrganizationUsage> ChangeSubscription(SubscriptionChange change)
    {
        new Violations()
            .When(change.SubscriptionTier is null && change.SubscriptionStatus is null, "body", "Give subscriptionTier, subscriptionStatus or both.")
            .OneOf("subscriptionTier", change.SubscriptionTier, SubscriptionTiers.All)
            .OneOf("subscriptionStatus", change.SubscriptionStatus, SubscriptionStatuses.All)
            .ThrowIfAny();
        await subscriptions.Change(OrganizationId, change.SubscriptionTier, change.SubscriptionStatus);
        _access = await allowLists.Find(OrganizationId);
        _readAt = time.GetTimestamp();
        // The organisation's record shows the tier and status too; its grain keeps the row in memory.
        await GrainFactory.GetGrain<IOrganizationGrain>(GrainKeys.Organization(OrganizationId)).Forget();
        return await Usage();
    }

    public async Task<IpAllowList> AllowList() => (await Access()).Shown();

    public async Task<IpAllowList> ReplaceAllowList(IReadOnlyList<string?>? entries, IPAddress? editor)
    {
        // The tier as stored now, not as cached: an upgrade a minute ago counts.
        var current = await allowLists.Find(OrganizationId);
        if (current.SubscriptionTier != SubscriptionTiers.Enterprise && entries is not { Count: 0 })
        {
            throw new ForbiddenException(
                $"IP allow-lists are for enterprise organisations; yours is on the {current.SubscriptionTier} tier. It may only clear its list (entries: []).");
        }

        var networks = IpAllowListRules.Parse(entries);
        if (editor is not null && !(current with { AllowList = networks }).Admits(editor))
        {
            var address = editor.IsIPv4MappedToIPv6 ? editor.MapToIPv4() : editor;
            var alone = new IPNetwork(address, address.AddressFamily == AddressFamily.InterNetwork ? 32 : 128);
            new Violations().Add(
                "entries",
                $"The list leaves out {address}, the address this request came from: saving it would lock you out. Add {alone} or a range that holds it.")
                .ThrowIfAny();
        }

        _access = await allowLists.Replace(OrganizationId, networks);
        _readAt = time.GetTimestamp();
        return _access.Shown();
    }

    private async Task<OrganizationAccess> Access()
    {
        if (_access is null || time.GetElapsedTime(_readAt) >= RereadEvery)
        {
            _access = await allowLists.Find(OrganizationId);
            _readAt = time.GetTimestamp();
        }

        return _access;
    }
}
