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
  /** The organisation's one primary location (its head office or first store). */
  isPrimary?: boolean;
}

/** The merchant's own name for a kind of product (Whiskey, Red Wine, IPA): free text, filtered without regard to case. */
export type Category = string;

/** Names offered while typing a category; any other is as good. */
export const suggestedCategories: readonly string[] = [
  "Whiskey", "Bourbon", "Scotch", "Rye", "Vodka", "Gin", "Rum", "Tequila", "Mezcal", "Brandy", "Liqueur", "Red Wine", "White Wine", "Rosé",
  "Sparkling Wine", "Beer", "IPA", "Lager", "Hard Seltzer", "Cider", "Non-Alcoholic", "Mixers",
];

/** The class the regulators' figures go by (ABC, TTB, taxes); derived from the category unless set. */
export const complianceClasses = ["spirits", "wine", "beer", "cider", "non_alcoholic", "other"] as const;
export type ComplianceClass = (typeof complianceClasses)[number];

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
