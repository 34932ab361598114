// The catalogue's shapes as the Api answers them (docs/API.md, "Products", "Suppliers", "Locations").
import type { Category, ComplianceClass } from "./types";

export interface Product {
  id: string;
  supplierId: string | null;
  sku: string;
  barcode: string | null;
  gtin: string | null;
  name: string;
  brand: string | null;
  category: Category;
  /** The class ABC, TTB and tax figures use; derived from the category unless set. */
  complianceClass: ComplianceClass;
  /** False once the product is no longer carried: kept with its history, left out of lists and counting. */
  isActive: boolean;
  imageUrl: string | null;
  subcategory: string | null;
  sizeMl: number;
  abv: number;
  cost: number;
  price: number;
  casePack: number | null;
  description: string | null;
  unit?: string;
  fullWeightG?: number | null;
  emptyWeightG?: number | null;
  densityGPerMl?: number | null;
}

/** What POST and PUT /products take; on PUT an omitted field keeps its value. */
export interface ProductBody {
  sku?: string;
  name?: string;
  category?: Category;
  complianceClass?: ComplianceClass;
  isActive?: boolean;
  imageUrl?: string;
  sizeMl?: number;
  abv?: number;
  cost?: number;
  price?: number;
  supplierId?: string;
  barcode?: string;
  brand?: string;
  casePack?: number;
  description?: string;
}

/** The answer of GET /products/lookup?barcode=. */
export interface BarcodeMatch {
  scanned: string;
  format: string;
  gtin: string;
  product: Product;
}

export interface Supplier {
  id: string;
  name: string;
  contactName: string | null;
  email: string | null;
  phone: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  accountNumber: string | null;
  paymentTerms: string | null;
  leadTimeDays: number | null;
  isActive: boolean;
}

export type SupplierBody = Partial<Omit<Supplier, "id" | "isActive" | "leadTimeDays">> & { leadTimeDays?: number };

export const locationTypes = ["bar", "restaurant", "liquor_store", "warehouse", "distillery", "other"] as const;
export type LocationType = (typeof locationTypes)[number];

export interface LocationDetails {
  id: string;
  name: string;
  locationType: LocationType;
  licenseNumber: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  zip: string | null;
  phone: string | null;
  timezone: string;
  latitude: number | null;
  longitude: number | null;
  isActive: boolean;
  /** The organisation's one primary location (its head office or first store). */
  isPrimary?: boolean;
}

export type LocationBody = Partial<Omit<LocationDetails, "id" | "isActive" | "isPrimary" | "latitude" | "longitude">> & { latitude?: number; longitude?: number };
