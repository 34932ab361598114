using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Api.Paging;

/// <summary>The success envelope: <c>{"success": true, "data": ...}</c>.</summary>
public sealed record Envelope<T>(bool Success, T Data);

/// <summary>A list answer: items and the seed's pagination block.</summary>
public sealed record ListData<T>(IReadOnlyList<T> Items, Pagination Pagination);

/// <summary>The seed's pagination block; <c>totalIsLowerBound</c> (docs/API.md): the list holds at least <c>total</c> rows, counting stopped there.</summary>
public sealed record Pagination(int Page, int Limit, long Total, int Pages, bool TotalIsLowerBound = false);

public static class Envelope
{
    public static Envelope<T> Of<T>(T data) => new(true, data);

    public static Envelope<ListData<T>> Of<T>(Page<T> page) => new(true, new ListData<T>(
        page.Items,
        new Pagination(page.PageNumber, page.Limit, page.Total, (int)((page.Total + page.Limit - 1) / page.Limit), page.TotalIsLowerBound)));
}
