import { describe, expect, it } from "vitest";
import { applyUpdate } from "./useLiveInventory";
import type { InventoryItem, Page } from "../api/types";

const item = (productId: string, quantity: number, parLevel = 6): InventoryItem => ({
  id: `i-${productId}`,
  locationId: "bar",
  productId,
  sku: productId.toUpperCase(),
  name: productId,
  category: "spirits",
  quantity,
  parLevel,
  reorderPoint: 3,
  cost: 10,
  price: 20,
  lastCountDate: null,
  lowStock: quantity < parLevel,
  negativeStock: false,
  updatedAt: null,
});

const page: Page<InventoryItem> = { items: [item("gin", 12), item("rum", 8)], pagination: { page: 1, limit: 50, total: 2, pages: 1 } };
const event = (productId: string, newQuantity: number) => ({ productId, locationId: "bar", newQuantity, changedBy: null, timestamp: "2026-11-26T02:00:00Z" });

describe("applyUpdate", () => {
  it("sets the product's new quantity and what follows from it", () => {
    const updated = applyUpdate(page, event("gin", 5))!;
    expect(updated.items[0]).toMatchObject({ quantity: 5, lowStock: true, negativeStock: false });
    expect(updated.items[1]).toBe(page.items[1]);
  });

  it("marks stock below zero", () => {
    expect(applyUpdate(page, event("rum", -1))!.items[1]).toMatchObject({ quantity: -1, negativeStock: true });
  });

  it("leaves a page without the product untouched", () => {
    expect(applyUpdate(page, event("vodka", 1))).toBe(page);
    expect(applyUpdate(undefined, event("gin", 1))).toBeUndefined();
  });
});
