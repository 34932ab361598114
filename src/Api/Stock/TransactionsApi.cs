using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Stock;

/// <summary>Every stock movement of the ledger, each applied once (referenceId or Idempotency-Key) and all or nothing.</summary>
public static class TransactionsApi
{
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string ReplayedHeader = "Idempotent-Replayed";

    /// <summary>A movement as a client sends it; transfers may say fromLocationId for locationId.</summary>
    public sealed record MovementRequest(
        Guid? LocationId,
        Guid? FromLocationId,
        Guid? ToLocationId,
        Guid? SupplierId,
        string? ReferenceId,
        DateTime? Timestamp,
        string? Notes,
        string? Reason,
        string? Direction,
        IReadOnlyList<MovementLine>? Items);

    public static IEndpointRouteBuilder MapTransactionsApi(this IEndpointRouteBuilder routes)
    {
        var transactions = routes.MapGroup("/api/v1/transactions").WithTags("Transactions");
        transactions.MapGet("/", List).RequireAuthorization(Policies.LedgerReader).WithSummary("The ledger: type, locationId, productId, from, to, page, limit");
        transactions.MapPost("/sales", (MovementRequest body, HttpContext http, IGrainFactory grains) => Record(MovementTypes.Sale, body, http, grains))
            .RequireAuthorization(Policies.SalesWriter)
            .WithSummary("Record a sale (referenceId makes it idempotent; all lines or none; may take stock below zero, flagged)");
        transactions.MapPost("/purchases", (MovementRequest body, HttpContext http, IGrainFactory grains) => Record(MovementTypes.Purchase, body, http, grains))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Receive a delivery from a supplier; updates the product's cost");
        transactions.MapPost("/transfers", (MovementRequest body, HttpContext http, IGrainFactory grains) => Record(MovementTypes.Transfer, body, http, grains))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Move stock between two locations, both sides or neither");
        transactions.MapPost("/adjustments", (MovementRequest body, HttpContext http, IGrainFactory grains) => Record(MovementTypes.Adjustment, body, http, grains))
            .RequireAuthorization(Policies.CatalogueWriter).WithSummary("Correct stock up or down (direction: increase or decrease)");
        transactions.MapPost("/waste", (MovementRequest body, HttpContext http, IGrainFactory grains) => Record(MovementTypes.Waste, body, http, grains))
            .RequireAuthorization(Policies.StockKeeper)
            .WithSummary("Record breakage, spills, spoilage; cannot take more than is on hand");
        transactions.MapPost("/comps", (MovementRequest body, HttpContext http, IGrainFactory grains) => Record(MovementTypes.Comp, body, http, grains))
            .RequireAuthorization(Policies.StockKeeper)
            .WithSummary("Record drinks given away; cannot take more than is on hand");
        return routes;
    }

    private static async Task<Created<Envelope<MovementReceipt>>> Record(string type, MovementRequest? body, HttpContext http, IGrainFactory grains)
    {
        if (body is null)
        {
            throw new ValidationFailedException([new FieldError("body", "A JSON request body is required.")]);
        }

        var caller = CurrentUser.From(http.User);
        var order = new MovementOrder(
            type, body.LocationId ?? body.FromLocationId, body.ToLocationId, body.SupplierId, body.ReferenceId, body.Timestamp,
            body.Notes, body.Reason, body.Direction, body.Items);
        var key = MovementKey(type, body, http);
        var result = await grains.GetGrain<IMovementGrain>(GrainKeys.Movements(caller.OrganizationId, order, key)).Execute(key, order, caller.Actor);
        if (result.Replayed)
        {
            http.Response.Headers[ReplayedHeader] = "true";
        }

        return TypedResults.Created($"/api/v1/transactions?movementId={result.Receipt.MovementId}", Envelope.Of(result.Receipt));
    }

    /// <summary>The request's Idempotency-Key header, when it sent one.</summary>
    public static string? IdempotencyKey(HttpContext http)
    {
        var header = http.Request.Headers[IdempotencyHeader].ToString();
        return header.Length == 0 ? null
            : header.Length <= 128 && !header.Any(char.IsControl) ? header
            : throw new ValidationFailedException([new FieldError(IdempotencyHeader, $"{IdempotencyHeader} must be 1 to 128 printable characters.")]);
    }

    // An Idempotency-Key header names any movement; a sale's referenceId (the POS's own id) names the sale; else each request is new.
    private static MovementKey? MovementKey(string type, MovementRequest body, HttpContext http) =>
        IdempotencyKey(http) is { } header ? new MovementKey("request", header)
        : type == MovementTypes.Sale && !string.IsNullOrWhiteSpace(body.ReferenceId) ? new MovementKey("sale", body.ReferenceId.Trim())
        : null;

    private static async Task<Ok<Envelope<ListData<LedgerEntry>>>> List(
        [AsParameters] ListQuery query, string? type, string? locationId, string? productId, string? from, string? to, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var page = query.ToPageRequest();
        var ledgerQuery = new LedgerQuery(
            page.Page, page.Limit, string.IsNullOrEmpty(type) ? null : type, QueryValues.Id("locationId", locationId), QueryValues.Id("productId", productId),
            QueryValues.Time("from", from), QueryValues.Time("to", to));
        var ledger = await grains.GetGrain<IInventoryGrain>(GrainKeys.Inventory(CurrentUser.From(principal).OrganizationId)).Ledger(ledgerQuery);
        return TypedResults.Ok(Envelope.Of(ledger));
    }
}
