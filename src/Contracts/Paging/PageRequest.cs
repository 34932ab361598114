namespace InventoryProFlow.Contracts.Paging;

/// <summary>Which page of a list to answer; limits are clamped by the grain, not trusted.</summary>
[GenerateSerializer, Immutable, Alias("ipf.PageRequest.v1")]
public sealed record PageRequest([property: Id(0)] int Page, [property: Id(1)] int Limit)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public int Offset => (Page - 1) * Limit;
}

/// <summary>
/// A page of a list with the seed's pagination block. <see cref="TotalIsLowerBound"/>: the list holds more rows than were
/// counted, and <see cref="Total"/> is how many were (at least one past this page).
/// </summary>
[GenerateSerializer, Immutable, Alias("ipf.Page.v1`1")]
public sealed record Page<T>(
    [property: Id(0)] IReadOnlyList<T> Items,
    [property: Id(1)] int PageNumber,
    [property: Id(2)] int Limit,
    [property: Id(3)] long Total,
    [property: Id(4)] bool TotalIsLowerBound = false);
