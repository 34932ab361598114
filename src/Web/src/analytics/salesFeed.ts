import type { LedgerRow, SaleRecorded } from "../api/analytics";

/** One sale in the "latest sales" list: what left the shelf, and the money when the reader may see it. */
export interface FeedSale {
  movementId: string;
  locationId: string;
  occurredAt: string;
  lines: { productId: string; sku: string; quantity: number }[];
  units: number;
  amount: number | null;
}

export const feedLength = 10;

/** The ledger's sale rows (one per line, newest first) gathered into sales, newest first. */
export function feedFromLedger(rows: LedgerRow[], max = feedLength): FeedSale[] {
  const sales = new Map<string, FeedSale>();
  for (const row of rows) {
    if (row.type !== "sale") continue;
    let sale = sales.get(row.movementId);
    if (!sale) {
      sale = { movementId: row.movementId, locationId: row.locationId, occurredAt: row.occurredAt, lines: [], units: 0, amount: null };
      sales.set(row.movementId, sale);
    }
    sale.lines.push({ productId: row.productId, sku: row.sku, quantity: row.quantity });
    sale.units += row.quantity;
    if (row.totalAmount !== null) sale.amount = Math.round(((sale.amount ?? 0) + row.totalAmount) * 100) / 100;
  }
  return [...sales.values()].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt)).slice(0, max);
}

/** The list with a live sale on top; a sale already listed (the ledger fetch saw it too) is not listed twice. */
export function addToFeed(feed: FeedSale[], sale: SaleRecorded, max = feedLength): FeedSale[] {
  if (feed.some((s) => s.movementId === sale.movementId)) return feed;
  const entry: FeedSale = {
    movementId: sale.movementId,
    locationId: sale.locationId,
    occurredAt: sale.occurredAt,
    lines: sale.lines.map((l) => ({ productId: l.productId, sku: l.sku, quantity: l.quantity })),
    units: sale.totalUnits,
    amount: sale.totalAmount,
  };
  return [entry, ...feed].slice(0, max);
}
