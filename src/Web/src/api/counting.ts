// The shapes count mode uses (docs/API.md: inventory counts, barcode lookup, count-sheet import).
import type { InventoryItem } from "./types";

/** PUT /inventory/items/{id}/count: the item after the count and what the count changed. */
export interface CountReceipt {
  item: InventoryItem;
  variance: number;
  movementId: string;
}

/** GET /products/lookup: how a scanned code was read and the product it names. */
export interface BarcodeMatch {
  scanned: string;
  format: string;
  gtin: string;
  product: { id: string; sku: string; name: string; barcode?: string | null };
}

/** GET /inventory/products/{productId}: one product at every location that carries it. */
export interface ProductStock {
  productId: string;
  totalQuantity: number;
  locations: InventoryItem[];
}

/** POST /inventory/import and /inventory/batch: one report row per line of the sheet, or per row sent. */
export interface BatchRowResult {
  row: number;
  applied: boolean;
  itemId: string | null;
  quantity: number | null;
  variance: number | null;
  errorCode: string | null;
  error: string | null;
}

export interface BatchReport {
  rows: number;
  applied: number;
  rejected: number;
  results: BatchRowResult[];
}
