// The stock ledger's shapes (docs/API.md, "Transactions (the ledger)").
import { withQuery } from "./client";

export const ledgerTypes = ["sale", "purchase", "transfer_in", "transfer_out", "adjustment", "count", "waste", "comp"] as const;
export type LedgerType = (typeof ledgerTypes)[number];

/** The words a bar manager uses for each ledger row type. */
const typeNames: Record<LedgerType, string> = {
  sale: "Sale",
  purchase: "Receiving",
  transfer_in: "Transfer in",
  transfer_out: "Transfer out",
  adjustment: "Adjustment",
  count: "Count",
  waste: "Waste",
  comp: "Comp",
};

export function ledgerTypeName(type: string): string {
  return typeNames[type as LedgerType] ?? type.replace(/_/g, " ");
}

export interface LedgerEntry {
  id: string;
  movementId: string;
  type: LedgerType;
  locationId: string;
  productId: string;
  sku: string;
  /** Signed: what the row did to the stock at its location. */
  quantity: number;
  unitCost: number | null;
  unitPrice: number | null;
  totalAmount: number | null;
  referenceId: string | null;
  notes: string | null;
  reason: string | null;
  userId: string | null;
  supplierId: string | null;
  counterpartLocationId: string | null;
  occurredAt: string;
  recordedAt: string;
}

export interface MovementReceipt {
  movementId: string;
  type: string;
  referenceId: string | null;
  occurredAt: string;
  recordedAt: string;
  entries: LedgerEntry[];
  stock: { locationId: string; productId: string; quantity: number; belowZero: boolean }[];
  alerts: { kind: string; locationId: string; productId: string; quantity: number; parLevel: number; raised: boolean }[];
}

/** One line of a movement as the Api takes it. */
export interface MovementLine {
  productId: string;
  quantity: number;
  unitCost?: number;
}

export interface LedgerFilter {
  type: string;
  locationId: string;
  /** Dates (yyyy-MM-dd) as the person picked them, in the browser's time zone. */
  from: string;
  to: string;
  page: number;
}

/**
 * The ledger query. Picked dates are whole local days: `from` is the start of that day and `to` the start of
 * the day after, so "to 3 March" includes the evening of 3 March.
 */
export function ledgerPath(filter: LedgerFilter, limit = 50): string {
  return withQuery("/api/v1/transactions", {
    type: filter.type,
    locationId: filter.locationId,
    from: filter.from ? startOfLocalDay(filter.from, 0) : undefined,
    to: filter.to ? startOfLocalDay(filter.to, 1) : undefined,
    page: filter.page,
    limit,
  });
}

function startOfLocalDay(date: string, addDays: number): string {
  const [year, month, day] = date.split("-").map(Number);
  return new Date(year, month - 1, day + addDays).toISOString();
}
