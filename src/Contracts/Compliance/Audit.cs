using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Compliance;

/// <summary>
/// One entry of an organisation's audit trail. Before and after are the JSON text as PostgreSQL stores it
/// (the text the hash covers); the hash chains it to the entry before it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.AuditEntry.v1")]
public sealed record AuditEntry(
    [property: Id(0)] long Sequence,
    [property: Id(1)] DateTime OccurredAt,
    [property: Id(2)] Guid? UserId,
    [property: Id(3)] string? RequestId,
    [property: Id(4)] string Action,
    [property: Id(5)] string EntityType,
    [property: Id(6)] string EntityId,
    [property: Id(7)] string? Before,
    [property: Id(8)] string? After,
    [property: Id(9)] string PreviousHash,
    [property: Id(10)] string Hash);

/// <summary>Which entries to list, newest first: every filter is optional; from is inclusive, to exclusive.</summary>
[GenerateSerializer, Immutable, Alias("ipf.AuditQuery.v1")]
public sealed record AuditQuery(
    [property: Id(0)] PageRequest Page,
    [property: Id(1)] string? EntityType = null,
    [property: Id(2)] string? EntityId = null,
    [property: Id(3)] Guid? UserId = null,
    [property: Id(4)] string? Action = null,
    [property: Id(5)] DateTime? From = null,
    [property: Id(6)] DateTime? To = null);

/// <summary>
/// The outcome of walking an organisation's chain: whole, or where it first breaks and how. <see cref="Entries"/> is how
/// many entries this walk read, from <see cref="FromSequence"/>: 1 for a full verification, the last verified entry for an
/// incremental one (<see cref="Full"/> false), which trusts the entries before it as verified then.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.AuditVerification.v1")]
public sealed record AuditVerification(
    [property: Id(0)] bool Verified,
    [property: Id(1)] long Entries,
    [property: Id(2)] long? FirstBrokenSequence = null,
    [property: Id(3)] string? Problem = null,
    [property: Id(4)] long FromSequence = 1,
    [property: Id(5)] bool Full = true);

/// <summary>How a chain can break.</summary>
public static class AuditProblems
{
    /// <summary>An entry's content no longer gives its hash: it was edited.</summary>
    public const string HashMismatch = "hash_mismatch";

    /// <summary>An entry does not carry the hash of the one before it: that one was edited and rehashed, or replaced.</summary>
    public const string BrokenLink = "broken_link";

    /// <summary>A sequence number is missing: an entry was deleted.</summary>
    public const string MissingEntry = "missing_entry";

    /// <summary>The chain ends before its recorded head: the newest entries were deleted.</summary>
    public const string MissingTail = "missing_tail";
}

/// <summary>An organisation's audit trail, read-only: entries are written by the code that makes each change.</summary>
public interface IAuditGrain : IGrainWithStringKey
{
    Task<Page<AuditEntry>> List(AuditQuery query);

    /// <summary>
    /// Recomputes every hash and checks every link and sequence number up to the chain's head, from the organisation's
    /// checkpoint (the last entry a verification found whole, itself checked again) or, <paramref name="full"/>, from the
    /// first entry. Whole: the checkpoint moves to the head. Broken: the checkpoint is dropped, so every later
    /// verification walks from the first entry and reports the break again.
    /// </summary>
    Task<AuditVerification> Verify(bool full);
}
