using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Stock;

public static class CountSessionStatus
{
    public const string Open = "open";
    public const string Completed = "completed";
    public const string Cancelled = "cancelled";

    public static IReadOnlyList<string> All { get; } = [Open, Completed, Cancelled];
}

/// <summary>An area of a count (back bar, well, cellar), finished on its own when its counter is done.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CountArea.v1")]
public sealed record CountArea(
    [property: Id(0)] string Name,
    [property: Id(1)] int Position,
    [property: Id(2)] DateTime? FinishedAt = null,
    [property: Id(3)] Guid? FinishedBy = null);

/// <summary>What was counted of one product in one area, as an exact quantity and volume.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CountLine.v1")]
public sealed record CountLine(
    [property: Id(0)] string Area,
    [property: Id(1)] Guid ProductId,
    [property: Id(2)] int ShelfPosition,
    [property: Id(3)] decimal Quantity,
    [property: Id(4)] decimal? VolumeMl,
    [property: Id(5)] Guid? CountedBy,
    [property: Id(6)] DateTime CountedAt);

/// <summary>
/// A count of one location as of its snapshot: its areas, its lines (when asked for one session), and once completed
/// the movement that recorded it.
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.CountSession.v1")]
public sealed record CountSession(
    [property: Id(0)] Guid Id,
    [property: Id(1)] Guid OrganizationId,
    [property: Id(2)] Guid LocationId,
    [property: Id(3)] string Name,
    [property: Id(4)] DateTime SnapshotAt,
    [property: Id(5)] string Status,
    [property: Id(6)] IReadOnlyList<CountArea> Areas,
    [property: Id(7)] IReadOnlyList<CountLine> Lines,
    [property: Id(8)] Guid? CreatedBy,
    [property: Id(9)] DateTime CreatedAt,
    [property: Id(10)] DateTime? CompletedAt = null,
    [property: Id(11)] Guid? CompletedBy = null,
    [property: Id(12)] Guid? MovementId = null);

/// <summary>A count session to open: where, a name, the snapshot (now by default) and its areas in shelf order.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CountSessionDraft.v1")]
public sealed record CountSessionDraft(
    [property: Id(0)] Guid? LocationId = null,
    [property: Id(1)] string? Name = null,
    [property: Id(2)] DateTime? SnapshotAt = null,
    [property: Id(3)] IReadOnlyList<string>? Areas = null);

/// <summary>One product counted in one area, in any of the forms of a count.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CountLineDraft.v1")]
public sealed record CountLineDraft(
    [property: Id(0)] string? Area = null,
    [property: Id(1)] Guid? ProductId = null,
    [property: Id(2)] int? ShelfPosition = null,
    [property: Id(3)] decimal? Quantity = null,
    [property: Id(4)] decimal? Units = null,
    [property: Id(5)] IReadOnlyList<OpenContainer>? Open = null);

/// <summary>Which count sessions to list.</summary>
[GenerateSerializer, Immutable, Alias("ipf.CountSessionQuery.v1")]
public sealed record CountSessionQuery(
    [property: Id(0)] PageRequest Page,
    [property: Id(1)] Guid? LocationId = null,
    [property: Id(2)] string? Status = null);

/// <summary>Opens and lists an organisation's count sessions.</summary>
public interface ICountingGrain : IGrainWithStringKey
{
    Task<CountSession> Open(CountSessionDraft draft, Actor actor);

    Task<Page<CountSession>> List(CountSessionQuery query);
}

/// <summary>One count session, the single writer of its lines: several people count its areas at once through it.</summary>
public interface ICountSessionGrain : IGrainWithStringKey
{
    Task<CountSession> Get();

    Task<CountLine> Count(CountLineDraft draft, Actor actor);

    Task<CountSession> FinishArea(string name, Actor actor);

    /// <summary>Records the session once every area is finished: per product, counted minus what the ledger held at the snapshot.</summary>
    Task<CountSession> Complete(Actor actor);

    Task<CountSession> Cancel(Actor actor);
}
