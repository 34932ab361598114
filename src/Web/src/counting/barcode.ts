import { ApiError, apiFetch, withQuery } from "../api/client";
import type { BarcodeMatch, ProductStock } from "../api/counting";
import type { InventoryItem } from "../api/types";

/** A scanned or typed barcode, read as the product's item at this location, or why it cannot be counted here. */
export async function itemForBarcode(barcode: string, locationId: string): Promise<InventoryItem> {
  const code = barcode.trim();
  let match: BarcodeMatch;
  try {
    match = await apiFetch<BarcodeMatch>(withQuery("/api/v1/products/lookup", { barcode: code }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      throw new Error(`No product has the barcode ${code}. Search by name instead, or ask a manager to add the barcode to the product.`);
    }
    if (error instanceof ApiError && error.status === 0) {
      throw new Error("Barcodes are looked up on the server, which cannot be reached now. Search by name: it works offline.");
    }
    throw error;
  }
  const stock = await apiFetch<ProductStock>(`/api/v1/inventory/products/${match.product.id}`);
  const item = stock.locations.find((l) => l.locationId === locationId);
  if (!item) throw new Error(`${match.product.name} is not stocked at this location. A manager can add it on the Inventory screen.`);
  return item;
}

/** Plain words for why the camera could not be used. */
export function cameraProblem(error: unknown): string {
  const name = error instanceof DOMException || error instanceof Error ? error.name : "";
  const rest = "Type the barcode below, or search by name.";
  if (name === "NotAllowedError" || name === "SecurityError") return `The camera is blocked or was refused. Allow the camera for this site in the browser's settings, or: ${rest}`;
  if (name === "NotFoundError" || name === "OverconstrainedError") return `This device has no camera we can use. ${rest}`;
  if (name === "NotReadableError") return `The camera is busy in another app. Close it and try again, or: ${rest}`;
  return `The camera could not be started. ${rest}`;
}
