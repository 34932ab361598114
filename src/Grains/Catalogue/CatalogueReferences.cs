using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>
/// A request's reference to a product or a location of its organisation, looked up where the request is checked: a
/// missing one is the caller's mistake (400 naming the field), not a 404 of the thing asked for.
/// </summary>
public static class CatalogueReferences
{
    /// <summary>The live product, or null when this organisation has none by that id.</summary>
    public static async Task<ProductDetails?> ProductOrNull(this IGrainFactory grains, Guid organizationId, Guid productId)
    {
        try
        {
            return await grains.GetGrain<ICatalogueGrain>(GrainKeys.Catalogue(organizationId)).GetProduct(productId);
        }
        catch (NotFoundException)
        {
            return null;
        }
    }

    /// <summary>The live product, or VALIDATION_FAILED on <paramref name="field"/>.</summary>
    public static async Task<ProductDetails> ReferencedProduct(this IGrainFactory grains, Guid organizationId, Guid productId, string field = "productId") =>
        await grains.ProductOrNull(organizationId, productId) ?? throw new ValidationFailedException([new FieldError(field, NoProduct(field, productId))]);

    public static string NoProduct(string field, Guid productId) => $"{field} {productId} names no product of this organisation.";

    /// <summary>The location when it is one of this organisation's and open, or null.</summary>
    public static async Task<LocationDetails?> ActiveLocationOrNull(this IGrainFactory grains, Guid organizationId, Guid locationId)
    {
        try
        {
            var location = await grains.GetGrain<ILocationGrain>(GrainKeys.Location(organizationId, locationId)).Get();
            return location.IsActive ? location : null;
        }
        catch (NotFoundException)
        {
            return null;
        }
    }
}
