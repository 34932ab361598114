// The shapes the Api answers with (docs/API.md), as the screens use them.

export interface Page<T> {
  items: T[];
  pagination: { page: number; limit: number; total: number; pages: number };
}

export interface Location {
  id: string;
  name: string;
  locationType?: string;
  licenseNumber?: string | null;
  city?: string | null;
  state?: string | null;
  timezone?: string;
  isActive?: boolean;
}

export type Category = "spirits" | "wine" | "beer" | "mixer" | "other";
export const categories: Category[] = ["spirits", "wine", "beer", "mixer", "other"];

export interface InventoryItem {
  id: string;
  locationId: string;
  productId: string;
  sku: string;
  name: string;
  category: Category;
  /** bottle, can, keg or each. */
  unit?: string;
  /** In the unit above; may hold decimals (3.4 bottles). */
  quantity: number;
  /** For a product with a size: the volume on hand in millilitres. */
  volumeMl?: number | null;
  parLevel: number;
  reorderPoint: number;
  cost: number;
  price: number;
  lastCountDate: string | null;
  lowStock: boolean;
  negativeStock: boolean;
  updatedAt: string | null;
}

/** The SignalR event `inventory:updated`. */
export interface InventoryUpdated {
  productId: string;
  locationId: string;
  newQuantity: number;
  changedBy: string | null;
  timestamp: string;
}
