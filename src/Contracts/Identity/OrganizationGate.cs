using System.Net;
using InventoryProFlow.Contracts.Catalogue;

namespace InventoryProFlow.Contracts.Identity;

/// <summary>
/// Whether a signed-in request of an organisation may go ahead: its token still stands (<see cref="TokenRevoked"/> is
/// false), the organisation is not suspended, its address is on the organisation's allow-list (when one applies), and
/// the hour's calls of its tier are not spent. <see cref="Calls"/> is null when the tier is unlimited or the request
/// was refused before counting (token revoked, suspended, address refused).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.Admission.v1")]
public sealed record Admission(
    [property: Id(0)] bool AddressAllowed,
    [property: Id(1)] RateLimitDecision? Calls,
    [property: Id(2)] string SubscriptionTier,
    [property: Id(3)] string SubscriptionStatus = SubscriptionStatuses.Active,
    [property: Id(4)] bool TokenRevoked = false);

/// <summary>
/// Who holds a signed-in request's token: a person, with the security stamp the token carries (0 when it carries
/// none), or an integration client.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.TokenHolder.v1")]
public sealed record TokenHolder(
    [property: Id(0)] Guid SubjectId,
    [property: Id(1)] bool IsClient,
    [property: Id(2)] int SecurityStamp);

/// <summary>An organisation's IP allow-list: CIDR networks in canonical form; enforced only for enterprise with at least one entry.</summary>
[GenerateSerializer, Immutable, Alias("ipf.IpAllowList.v1")]
public sealed record IpAllowList(
    [property: Id(0)] IReadOnlyList<string> Entries,
    [property: Id(1)] string SubscriptionTier,
    [property: Id(2)] bool Enforced);

/// <summary>
/// The door of one organisation: every signed-in request passes it once, so its API calls are counted in one
/// place for the whole cluster and its allow-list is checked from memory. The allow-list is changed through it too,
/// so the door never checks against an old list.
/// </summary>
public interface IOrganizationGateGrain : IGrainWithStringKey
{
    /// <summary>
    /// Checks the token's holder (a user still active with the stamp the token carries, a client not revoked), the
    /// organisation's standing and the caller's address, and counts the call in this hour's window.
    /// </summary>
    Task<Admission> Admit(IPAddress? client, TokenHolder holder);

    /// <summary>
    /// A user's role, access or password changed, or a client was revoked: the gate forgets what it knew of them, so
    /// their next request, on any Api node, is judged by the database as it is now.
    /// </summary>
    Task CredentialChanged(Guid subjectId);

    /// <summary>Refuses (ACCOUNT_SUSPENDED) when the organisation is suspended; sign-ins ask before they change anything.</summary>
    Task EnsureServed();

    /// <summary>
    /// For a request that proves itself with a credential of its own rather than an access token (a POS push with its
    /// API key, a client-credentials request, a refresh): refuses ACCOUNT_SUSPENDED when the organisation is suspended and
    /// FORBIDDEN when <paramref name="client"/> is off its enforced allow-list. Counts nothing.
    /// </summary>
    Task EnsureAdmitted(IPAddress? client);

    /// <summary>The tier, the status and this hour's calls as counted so far; counts nothing itself.</summary>
    Task<OrganizationUsage> Usage();

    /// <summary>
    /// Sets the organisation's tier and/or status (the platform operator's change), audited; the gate answers the very
    /// next request with them, wherever it arrives.
    /// </summary>
    Task<OrganizationUsage> ChangeSubscription(SubscriptionChange change);

    Task<IpAllowList> AllowList();

    /// <summary>
    /// Replaces the list (enterprise only; any tier may clear it). Refuses a list that leaves out
    /// <paramref name="editor"/>, the address of the admin making the change, so no one locks themselves out.
    /// </summary>
    Task<IpAllowList> ReplaceAllowList(IReadOnlyList<string?>? entries, IPAddress? editor);
}
