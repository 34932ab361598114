using InventoryProFlow.Contracts.Paging;

namespace InventoryProFlow.Contracts.Catalogue;

/// <summary>The suppliers and products of one organisation (a stateless worker over the catalogue tables).</summary>
public interface ICatalogueGrain : IGrainWithStringKey
{
    Task<Page<SupplierDetails>> ListSuppliers(PageRequest page, bool includeInactive);

    Task<SupplierDetails> GetSupplier(Guid supplierId);

    Task<SupplierDetails> CreateSupplier(SupplierDraft draft);

    Task<SupplierDetails> UpdateSupplier(Guid supplierId, SupplierDraft changes);

    Task DeactivateSupplier(Guid supplierId);

    Task<Page<ProductDetails>> ListProducts(ProductQuery query);

    Task<ProductDetails> GetProduct(Guid productId);

    Task<ProductDetails> CreateProduct(ProductDraft draft);

    Task<ProductDetails> UpdateProduct(Guid productId, ProductDraft changes);

    Task DeleteProduct(Guid productId);

    Task<BarcodeMatch> LookupBarcode(string barcode);
}
