using InventoryProFlow.Contracts;
using InventoryProFlow.Contracts.Catalogue;
using InventoryProFlow.Contracts.Errors;
using InventoryProFlow.Contracts.Menu;
using InventoryProFlow.Contracts.Paging;
using InventoryProFlow.Contracts.Stock;
using InventoryProFlow.Grains.Stock;
using InventoryProFlow.Grains.Storage;
using Npgsql;
using Orleans.Concurrency;

namespace InventoryProFlow.Grains.Catalogue;

/// <summary>
/// Suppliers and products of one organisation. Stateless: the tables are the one home of these facts,
/// and several activations may serve a busy organisation side by side.
/// </summary>
[StatelessWorker]
public sealed class CatalogueGrain(
    SupplierRepository suppliers,
    ProductRepository products,
    StockRepository stock,
    IdFactory ids,
    TimeProvider time) : Grain, ICatalogueGrain
{
    private Guid OrganizationId => GrainKeys.ParseCatalogue(this.GetPrimaryKeyString());

    public Task<Page<SupplierDetails>> ListSuppliers(PageRequest page, bool includeInactive) =>
        suppliers.List(OrganizationId, page, includeInactive);

    public async Task<SupplierDetails> GetSupplier(Guid supplierId) =>
        await suppliers.Find(OrganizationId, supplierId) ?? throw NotFoundException.For("supplier", supplierId);

    public async Task<SupplierDetails> CreateSupplier(SupplierDraft draft)
    {
        var now = time.GetUtcNow().UtcDateTime;
        var supplier = new SupplierDetails(
            ids.NewId(), OrganizationId, draft.Name?.Trim() ?? string.Empty, draft.ContactName, draft.Email, draft.Phone,
            draft.AddressLine1, draft.AddressLine2, draft.City, draft.State, draft.Zip, draft.AccountNumber, draft.PaymentTerms,
            IsActive: true, now, now, draft.LeadTimeDays);
        CatalogueRules.Check(supplier);
        return await suppliers.Insert(supplier);
    }

    public async Task<SupplierDetails> UpdateSupplier(Guid supplierId, SupplierDraft changes)
    {
        var current = await GetSupplier(supplierId);
        var changed = current with
        {
            Name = changes.Name?.Trim() ?? current.Name,
            ContactName = changes.ContactName ?? current.ContactName,
            Email = changes.Email ?? current.Email,
            Phone = changes.Phone ?? current.Phone,
            AddressLine1 = changes.AddressLine1 ?? current.AddressLine1,
            AddressLine2 = changes.AddressLine2 ?? current.AddressLine2,
            City = changes.City ?? current.City,
            State = changes.State ?? current.State,
            Zip = changes.Zip ?? current.Zip,
            AccountNumber = changes.AccountNumber ?? current.AccountNumber,
            PaymentTerms = changes.PaymentTerms ?? current.PaymentTerms,
            LeadTimeDays = changes.LeadTimeDays ?? current.LeadTimeDays,
            UpdatedAt = time.GetUtcNow().UtcDateTime,
        };
        CatalogueRules.Check(changed);
        return await suppliers.Update(changed);
    }

    public async Task DeactivateSupplier(Guid supplierId)
    {
        var current = await GetSupplier(supplierId);
        if (current.IsActive)
        {
            await suppliers.Update(current with { IsActive = false, UpdatedAt = time.GetUtcNow().UtcDateTime }, "deactivated");
        }
    }

    public Task<Page<ProductDetails>> ListProducts(ProductQuery query) =>
        products.List(OrganizationId, query, new PageRequest(query.Page, query.Limit));

    private static bool SameText(string a, string b) => string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    public async Task<ProductDetails> GetProduct(Guid productId) =>
        await products.Find(OrganizationId, productId) ?? throw NotFoundException.For("product", productId);

    public async Task<ProductDetails> CreateProduct(ProductDraft draft)
    {
        var product = await Validated(draft, ids.NewId(), createdAt: null);
        return await Saving(() => products.Insert(product));
    }

    public async Task<ProductDetails> UpdateProduct(Guid productId, ProductDraft changes)
    {
        var current = await GetProduct(productId);
        var merged = new ProductDraft(
            changes.SupplierId ?? current.SupplierId,
            changes.Sku ?? current.Sku,
            changes.Barcode ?? current.Barcode,
            changes.Name ?? current.Name,
            changes.Brand ?? current.Brand,
            changes.Category ?? current.Category,
            changes.Subcategory ?? current.Subcategory,
            changes.SizeMl ?? (changes.KegSize is null ? current.SizeMl : null),
            changes.Abv ?? current.Abv,
            changes.Cost ?? current.Cost,
            changes.Price ?? current.Price,
            changes.CasePack ?? current.CasePack,
            changes.Description ?? current.Description,
            changes.Unit ?? current.Unit,
            changes.KegSize,
            changes.FullWeightG ?? current.FullWeightG,
            changes.EmptyWeightG ?? current.EmptyWeightG,
            changes.DensityGPerMl ?? current.DensityGPerMl,
            // A class set (or derived) before stays, unless the category changes and no class is sent with it.
            changes.ComplianceClass ?? (changes.Category is null || SameText(changes.Category, current.Category) ? current.ComplianceClass : null),
            changes.ImageUrl ?? current.ImageUrl,
            changes.IsActive ?? current.IsActive);
        var product = await Validated(merged, current.Id, current.CreatedAt);
        var stored = await Saving(() => products.Update(product));
        await RefreshStock(productId);
        return stored;
    }

    public async Task DeleteProduct(Guid productId)
    {
        // A recipe or POS item that pours a deleted product would refuse every sale it is rung in.
        if (await GrainFactory.GetGrain<IMenuGrain>(GrainKeys.Menu(OrganizationId)).Pouring(productId) is { Count: > 0 } pouring)
        {
            throw new ConflictException(ErrorCodes.Conflict, $"This product is poured by {string.Join(", ", pouring.Take(5))}: change them on the menu first.");
        }

        if (!await products.SoftDelete(OrganizationId, productId, time.GetUtcNow().UtcDateTime))
        {
            throw NotFoundException.For("product", productId);
        }

        await RefreshStock(productId);
    }

    public async Task<BarcodeMatch> LookupBarcode(string barcode)
    {
        var (code, carrier) = ScannedCode.Read(barcode);
        var parsed = Gtin.Parse(code);
        if (!parsed.IsValid)
        {
            throw new InvalidBarcodeException(carrier is null ? parsed.ErrorMessage! : $"The {carrier} code carries no valid GTIN: {parsed.ErrorMessage}");
        }

        var product = await products.FindByGtin(OrganizationId, parsed.Gtin14!)
            ?? throw new NotFoundException($"No product with barcode {barcode} (GTIN {parsed.Gtin14}) in this catalogue.");
        return new BarcodeMatch(barcode, carrier ?? GtinFormats.Describe(parsed.Format!.Value), parsed.Gtin14!, product);
    }

    // Live stock caches a product's name, category, prices and whether it is live: tell every location that carries it.
    private async Task RefreshStock(Guid productId) =>
        await StockRefresh.Run(GrainFactory, OrganizationId, (await stock.LocationsCarrying(OrganizationId, productId)).Select(location => (location, productId)));

    private async Task<ProductDetails> Validated(ProductDraft draft, Guid id, DateTime? createdAt)
    {
        var violations = CatalogueRules.Check(draft);
        string? gtin = null;
        if (!string.IsNullOrWhiteSpace(draft.Barcode))
        {
            var parsed = Gtin.Parse(draft.Barcode);
            if (parsed.IsValid)
            {
                gtin = parsed.Gtin14;
            }
            else
            {
                violations.Add("barcode", parsed.ErrorMessage!);
            }
        }

        if (draft.SupplierId is { } supplierId && await suppliers.Find(OrganizationId, supplierId) is null)
        {
            violations.Add("supplierId", $"supplierId {supplierId} is not a supplier of this organisation.");
        }

        violations.ThrowIfAny();
        var now = time.GetUtcNow().UtcDateTime;
        return new ProductDetails(
            id, OrganizationId, draft.SupplierId, draft.Sku!.Trim(), string.IsNullOrWhiteSpace(draft.Barcode) ? null : draft.Barcode.Trim(), gtin,
            draft.Name!.Trim(), draft.Brand, draft.Category!.Trim(), draft.Subcategory, SizeOf(draft), draft.Abv!.Value,
            draft.Cost!.Value, draft.Price!.Value, draft.CasePack, draft.Description, createdAt ?? now, now,
            draft.Unit ?? StockUnits.Bottle, draft.FullWeightG, draft.EmptyWeightG, draft.DensityGPerMl,
            draft.ComplianceClass ?? ComplianceClasses.Of(draft.Category, draft.Subcategory),
            string.IsNullOrWhiteSpace(draft.ImageUrl) ? null : draft.ImageUrl.Trim(), draft.IsActive ?? true);
    }

    // A keg named by its size (half_barrel) gets that size exactly.
    private static decimal? SizeOf(ProductDraft draft) => draft.KegSize is { } keg ? KegSizes.Ml[keg] : draft.SizeMl;

    // Uniqueness is the database's to decide (two writers may race); its refusal becomes a 409.
    private static async Task<ProductDetails> Saving(Func<Task<ProductDetails>> write)
    {
        try
        {
            return await write();
        }
        catch (PostgresException error) when (error.IsUniqueViolation(ProductRepository.SkuUnique))
        {
            throw new ConflictException(ErrorCodes.DuplicateSku, "Another product of this organisation already has this sku.", [new FieldError("sku", "sku is already in use.")]);
        }
        catch (PostgresException error) when (error.IsUniqueViolation(ProductRepository.GtinUnique))
        {
            throw new ConflictException(ErrorCodes.DuplicateBarcode, "Another product of this organisation already has this barcode.", [new FieldError("barcode", "barcode is already in use.")]);
        }
    }
}
