using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Stock;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Stock;

/// <summary>Live stock: items per location (answered by grains, not a table scan), counts, par levels.</summary>
public static class InventoryApi
{
    public sealed record StockRequest(Guid? LocationId, Guid? ProductId, decimal? Quantity, decimal? ParLevel, decimal? ReorderPoint);

    /// <summary>A count's answer: the item after it, and what the count found missing (negative) or extra, in units and, for a liquid, millilitres.</summary>
    public sealed record CountResponse(InventoryItem Item, decimal Variance, Guid MovementId, decimal? VarianceMl)
    {
        public static CountResponse Of(InventoryItem item, MovementReceipt receipt) =>
            new(item, receipt.Entries[0].Quantity, receipt.MovementId, receipt.Entries[0].VolumeMl);
    }

    public sealed record BatchRequest(IReadOnlyList<BatchRow>? Rows);

    public sealed record ProductStock(Guid ProductId, decimal TotalQuantity, IReadOnlyList<InventoryItem> Locations);

    public static IEndpointRouteBuilder MapInventoryApi(this IEndpointRouteBuilder routes)
    {
        var inventory = routes.MapGroup("/api/v1/inventory").WithTags("Inventory").RequireAuthorization(Policies.InventoryReader);
        inventory.MapGet("/items", List).WithSummary("Items of one location (locationId), or of every open location without it: category, lowStock, q, page, limit");
        inventory.MapGet("/alerts", OpenAlerts).WithSummary("Open stock alerts (below par, below zero), newest first: locationId, kind, page, limit");
        inventory.MapPost("/items", Stock).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Start carrying a product at a location; an opening quantity is recorded as a count");
        inventory.MapGet("/items/{id:guid}", Get).WithSummary("One inventory item, live");
        inventory.MapPatch("/items/{id:guid}", SetLevels).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Set par level and reorder point");
        inventory.MapPut("/items/{id:guid}/count", Count).RequireAuthorization(Policies.StockKeeper).WithSummary("Record a physical count; the variance goes into the ledger");
        inventory.MapPost("/batch", Batch).LimitAsHeavy().RequireAuthorization(Policies.CatalogueWriter).WithName("applyInventoryBatch")
            .WithSummary("Apply up to 5,000 counts or par changes; each row is applied or rejected on its own");
        inventory.MapPost("/import", Import).LimitAsHeavy().RequireAuthorization(Policies.CatalogueWriter).WithName("importInventoryCount")
            .Accepts<string>("text/csv").WithSummary("Import a count sheet (CSV: sku or barcode, count, optional par level and notes) for locationId");
        inventory.MapGet("/products/{productId:guid}", AcrossLocations).WithSummary("One product across every location that carries it");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<InventoryItem>>>> List(
        [AsParameters] ListQuery query, string? locationId, string? category, string? lowStock, string? q, string? includeInactive, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var page = query.ToPageRequest();
        if (q is { Length: > 200 })
        {
            throw new ValidationFailedException([new FieldError("q", "q must be at most 200 characters.")]);
        }

        var location = QueryValues.Id("locationId", locationId);
        category = QueryValues.Text("category", category, 50);

        var organizationId = CurrentUser.From(principal).OrganizationId;
        var filter = new InventoryQuery(page.Page, page.Limit, category, ListQuery.Flag("lowStock", lowStock),
            string.IsNullOrWhiteSpace(q) ? null : q.Trim(), ListQuery.Flag("includeInactive", includeInactive));
        // One location's list is its live grain's; the whole organisation's is read from the committed rows in one query.
        var items = location is { } one
            ? await grains.GetGrain<ILocationStockGrain>(GrainKeys.LocationStock(organizationId, one)).List(filter)
            : await grains.GetGrain<IInventoryGrain>(GrainKeys.Inventory(organizationId)).Items(filter);
        return TypedResults.Ok(Envelope.Of(items));
    }

    private static async Task<Ok<Envelope<ListData<OpenStockAlert>>>> OpenAlerts(
        [AsParameters] ListQuery query, string? locationId, string? kind, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var filter = new StockAlertQuery(query.ToPageRequest(), QueryValues.Id("locationId", locationId), QueryValues.OneOf("kind", kind, StockAlertKinds.All));
        return TypedResults.Ok(Envelope.Of(await grains.GetGrain<IInventoryGrain>(GrainKeys.Inventory(CurrentUser.From(principal).OrganizationId)).OpenAlerts(filter)));
    }

    private static async Task<Created<Envelope<InventoryItem>>> Stock(StockRequest body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var errors = new List<FieldError>();
        if (body.LocationId is null)
        {
            errors.Add(new FieldError("locationId", "locationId is required."));
        }

        if (body.ProductId is null)
        {
            errors.Add(new FieldError("productId", "productId is required."));
        }

        if (body.Quantity is < 0 or > 100_000)
        {
            errors.Add(new FieldError("quantity", "quantity must be from 0 to 100000."));
        }

        if (errors.Count > 0)
        {
            throw new ValidationFailedException(errors);
        }

        var caller = CurrentUser.From(principal);
        var item = await grains.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(caller.OrganizationId, body.LocationId!.Value, body.ProductId!.Value))
            .Stock(new StockLevels(body.ParLevel, body.ReorderPoint), body.Quantity, caller.Actor);
        return TypedResults.Created($"/api/v1/inventory/items/{item.Id}", Envelope.Of(item));
    }

    private static async Task<Ok<Envelope<InventoryItem>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await Inventory(principal, grains).Item(id)));

    private static async Task<Ok<Envelope<InventoryItem>>> SetLevels(Guid id, StockLevels body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await (await ProductAt(id, principal, grains)).Grain.SetLevels(body)));

    private static async Task<Ok<Envelope<CountResponse>>> Count(Guid id, StockCount body, HttpContext http, IGrainFactory grains)
    {
        var caller = CurrentUser.From(http.User);
        var (item, grain) = await ProductAt(id, http.User, grains);
        if (TransactionsApi.IdempotencyKey(http) is { } key)
        {
            var once = await grains.GetGrain<IBulkChangeGrain>(GrainKeys.BulkChange(caller.OrganizationId, key)).Count(item, body, caller.Actor);
            if (once.Replayed)
            {
                http.Response.Headers[TransactionsApi.ReplayedHeader] = "true";
            }

            return TypedResults.Ok(Envelope.Of(CountResponse.Of(await grain.Get(), once.Receipt)));
        }

        var receipt = await grain.Count(body, caller.Actor);
        return TypedResults.Ok(Envelope.Of(CountResponse.Of(await grain.Get(), receipt)));
    }

    private static async Task<Ok<Envelope<ProductStock>>> AcrossLocations(Guid productId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var items = await Inventory(principal, grains).AcrossLocations(productId);
        return TypedResults.Ok(Envelope.Of(new ProductStock(productId, items.Sum(i => i.Quantity), items)));
    }

    private static async Task<Ok<Envelope<BatchReport>>> Batch(BatchRequest body, HttpContext http, IGrainFactory grains)
    {
        var caller = CurrentUser.From(http.User);
        var rows = body.Rows ?? [];
        return Answer(http, TransactionsApi.IdempotencyKey(http) is { } key
            ? await grains.GetGrain<IBulkChangeGrain>(GrainKeys.BulkChange(caller.OrganizationId, key)).ApplyBatch(rows, caller.Actor)
            : new BulkResult(await Inventory(http.User, grains).ApplyBatch(rows, caller.Actor), Replayed: false));
    }

    private static async Task<Ok<Envelope<BatchReport>>> Import(string? locationId, HttpRequest request, IGrainFactory grains)
    {
        var principal = request.HttpContext.User;
        var location = QueryValues.Id("locationId", locationId)
            ?? throw new ValidationFailedException([new FieldError("locationId", "locationId is required.")]);
        if (request.ContentType is not { } type || !(type.StartsWith("text/csv", StringComparison.OrdinalIgnoreCase) || type.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase)))
        {
            throw new BadHttpRequestException("Send the count sheet as text/csv.", StatusCodes.Status415UnsupportedMediaType);
        }

        var caller = CurrentUser.From(principal);
        // The sheet is for one location: another organisation's, or none, is not found, before a row is read.
        await grains.GetGrain<ILocationGrain>(GrainKeys.Location(caller.OrganizationId, location)).Get();
        using var reader = new StreamReader(request.Body);
        var csv = await reader.ReadToEndAsync(request.HttpContext.RequestAborted);
        return Answer(request.HttpContext, TransactionsApi.IdempotencyKey(request.HttpContext) is { } key
            ? await grains.GetGrain<IBulkChangeGrain>(GrainKeys.BulkChange(caller.OrganizationId, key)).ImportCountSheet(location, csv, caller.Actor)
            : new BulkResult(await Inventory(principal, grains).ImportCountSheet(location, csv, caller.Actor), Replayed: false));
    }

    private static Ok<Envelope<BatchReport>> Answer(HttpContext http, BulkResult result)
    {
        if (result.Replayed)
        {
            http.Response.Headers[TransactionsApi.ReplayedHeader] = "true";
        }

        return TypedResults.Ok(Envelope.Of(result.Report));
    }

    private static IInventoryGrain Inventory(ClaimsPrincipal principal, IGrainFactory grains) =>
        grains.GetGrain<IInventoryGrain>(GrainKeys.Inventory(CurrentUser.From(principal).OrganizationId));

    private static async Task<(InventoryItem Item, IProductAtLocationGrain Grain)> ProductAt(Guid itemId, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var item = await Inventory(principal, grains).Item(itemId);
        return (item, grains.GetGrain<IProductAtLocationGrain>(GrainKeys.ProductAtLocation(CurrentUser.From(principal).OrganizationId, item.LocationId, item.ProductId)));
    }
}
