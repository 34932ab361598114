using System.Security.Claims;
using InventoryProFlow.Api.Identity;
using InventoryProFlow.Api.Paging;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace InventoryProFlow.Api.Catalogue;

/// <summary>The product catalogue of the caller's organisation, its search and its barcode lookup.</summary>
public static class ProductsApi
{
    public static IEndpointRouteBuilder MapProductsApi(this IEndpointRouteBuilder routes)
    {
        var products = routes.MapGroup("/api/v1/products").WithTags("Products").RequireAuthorization(Policies.InventoryReader);
        products.MapGet("/", List).WithSummary("List products: page, limit, category, q (name, brand or sku; typo-tolerant), supplierId");
        products.MapGet("/lookup", Lookup).WithName("lookUpProductByBarcode").WithSummary("Find a product by a scanned UPC-A, UPC-E, EAN-13, EAN-8 or GTIN-14");
        products.MapGet("/{id:guid}", Get).WithSummary("One product");
        products.MapPost("/", Create).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Add a product (manager, admin)");
        products.MapPut("/{id:guid}", Update).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Change a product; omitted fields keep their value");
        products.MapDelete("/{id:guid}", Delete).RequireAuthorization(Policies.CatalogueWriter).WithSummary("Delete a product (soft: its history stays)");
        return routes;
    }

    private static async Task<Ok<Envelope<ListData<ProductDetails>>>> List(
        [AsParameters] ListQuery query, string? category, string? q, string? supplierId, string? includeInactive, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var page = query.ToPageRequest();
        Guid? supplier = null;
        if (!string.IsNullOrEmpty(supplierId))
        {
            supplier = Guid.TryParse(supplierId, out var parsed)
                ? parsed
                : throw new ValidationFailedException([new FieldError("supplierId", "supplierId must be a UUID.")]);
        }

        if (q is { Length: > 200 } || (q is not null && !Hosting.PrintableText.IsPrintable(q)))
        {
            throw new ValidationFailedException([new FieldError("q", "q must be at most 200 printable characters.")]);
        }

        var products = await SuppliersApi.Catalogue(principal, grains).ListProducts(
            new ProductQuery(page.Page, page.Limit, QueryValues.Text("category", category, 50), q, supplier, ListQuery.Flag("includeInactive", includeInactive)));
        return TypedResults.Ok(Envelope.Of(products));
    }

    private static async Task<Ok<Envelope<BarcodeMatch>>> Lookup(string? barcode, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await SuppliersApi.Catalogue(principal, grains).LookupBarcode(barcode ?? string.Empty)));

    private static async Task<Ok<Envelope<ProductDetails>>> Get(Guid id, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await SuppliersApi.Catalogue(principal, grains).GetProduct(id)));

    private static async Task<Created<Envelope<ProductDetails>>> Create(ProductDraft body, ClaimsPrincipal principal, IGrainFactory grains)
    {
        var product = await SuppliersApi.Catalogue(principal, grains).CreateProduct(body);
        return TypedResults.Created($"/api/v1/products/{product.Id}", Envelope.Of(product));
    }

    private static async Task<Ok<Envelope<ProductDetails>>> Update(Guid id, ProductDraft body, ClaimsPrincipal principal, IGrainFactory grains) =>
        TypedResults.Ok(Envelope.Of(await SuppliersApi.Catalogue(principal, grains).UpdateProduct(id, body)));

    private static async Task<NoContent> Delete(Guid id, ClaimsPrincipal principal, IGrainFactory grains)
    {
        await SuppliersApi.Catalogue(principal, grains).DeleteProduct(id);
        return TypedResults.NoContent();
    }
}
