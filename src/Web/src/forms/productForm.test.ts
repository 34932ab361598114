import { describe, expect, it } from "vitest";
import { checkProduct, emptyProduct, productBody, productValues, type ProductValues } from "./productForm";

const filled: ProductValues = { ...emptyProduct, sku: " RYE-750 ", name: "Rittenhouse Rye", category: " Rye Whiskey ", abv: "50", cost: "21.5", price: "45" };

describe("checkProduct", () => {
  it("passes a complete product", () => {
    expect(checkProduct(filled)).toEqual({});
  });

  it("names every missing or out-of-range field at once", () => {
    const errors = checkProduct({ ...emptyProduct, sizeMl: "0", abv: "101", cost: "1.999", casePack: "1001", barcode: "123" });
    expect(Object.keys(errors).sort()).toEqual(["abv", "barcode", "casePack", "category", "cost", "name", "price", "sizeMl", "sku"]);
    expect(errors.sku).toBe("Enter the SKU.");
    expect(errors.cost).toBe("The cost must be an amount like 12.50.");
  });

  it("takes the merchant's own category, up to 50 characters", () => {
    expect(checkProduct({ ...filled, category: "Bourbon" })).toEqual({});
    expect(checkProduct({ ...filled, category: "x".repeat(51) })).toEqual({ category: "The category may have at most 50 characters." });
  });

  it("limits the SKU to 64 characters and the description to 2000", () => {
    const errors = checkProduct({ ...filled, sku: "x".repeat(65), description: "y".repeat(2001) });
    expect(errors).toEqual({ sku: "The SKU may have at most 64 characters.", description: "The description may have at most 2000 characters." });
  });
});

describe("productBody", () => {
  it("sends numbers as numbers and leaves empty optional fields out", () => {
    expect(productBody(filled)).toEqual({ sku: "RYE-750", name: "Rittenhouse Rye", category: "Rye Whiskey", sizeMl: 750, abv: 50, cost: 21.5, price: 45, isActive: true });
    expect(productBody({ ...filled, carried: "no", imageUrl: " https://cdn.example.com/rye.png " })).toMatchObject({ isActive: false, imageUrl: "https://cdn.example.com/rye.png" });
    expect(checkProduct({ ...filled, imageUrl: "rye.png" })).toEqual({ imageUrl: "The picture must be a web address starting with https://." });
    expect(productBody({ ...filled, complianceClass: "spirits" })).toMatchObject({ complianceClass: "spirits" });
    expect(productBody({ ...filled, supplierId: "s1", barcode: "083664868780", casePack: "6", brand: " Heaven Hill " })).toMatchObject({
      supplierId: "s1",
      barcode: "083664868780",
      casePack: 6,
      brand: "Heaven Hill",
    });
  });

  it("round-trips a product the Api answered", () => {
    const product = {
      id: "p", supplierId: null, sku: "GIN", barcode: null, gtin: null, name: "Gin", brand: null, category: "Gin", complianceClass: "spirits" as const, isActive: true, imageUrl: null,
      subcategory: null, sizeMl: 700, abv: 41.4, cost: 12.5, price: 28, casePack: 6, description: null,
    };
    expect(productBody(productValues(product))).toEqual({ sku: "GIN", name: "Gin", category: "Gin", sizeMl: 700, abv: 41.4, cost: 12.5, price: 28, casePack: 6, isActive: true });
  });
});
