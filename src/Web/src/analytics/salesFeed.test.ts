import { describe, expect, it } from "vitest";
import type { LedgerRow, SaleRecorded } from "../api/analytics";
import { addToFeed, feedFromLedger } from "./salesFeed";

const row = (movementId: string, sku: string, quantity: number, occurredAt: string, type = "sale"): LedgerRow => ({
  id: `${movementId}-${sku}`,
  movementId,
  type,
  locationId: "bar",
  productId: sku.toLowerCase(),
  sku,
  quantity,
  totalAmount: quantity * 28,
  occurredAt,
});

const live = (movementId: string): SaleRecorded => ({
  movementId,
  locationId: "bar",
  referenceId: null,
  occurredAt: "2026-11-26T02:00:00Z",
  recordedAt: "2026-11-26T02:00:00Z",
  soldBy: null,
  lines: [{ productId: "gin", sku: "GIN", quantity: 2, unitPrice: 28, amount: 56 }],
  totalUnits: 2,
  totalAmount: 56,
});

describe("feedFromLedger", () => {
  it("gathers the lines of one sale and orders sales newest first", () => {
    const feed = feedFromLedger([
      row("m2", "GIN", 1, "2026-11-26T01:00:00.5Z"),
      row("m2", "RUM", 2, "2026-11-26T01:00:00.5Z"),
      row("m1", "GIN", 3, "2026-11-26T00:59:59.123Z"),
      row("c1", "GIN", 4, "2026-11-26T01:30:00Z", "count"),
    ]);
    expect(feed.map((s) => s.movementId)).toEqual(["m2", "m1"]);
    expect(feed[0]).toMatchObject({ units: 3, amount: 84, lines: [{ sku: "GIN", quantity: 1 }, { sku: "RUM", quantity: 2 }] });
  });

  it("keeps only the newest sales", () => {
    const rows = Array.from({ length: 15 }, (_, i) => row(`m${i}`, "GIN", 1, `2026-11-26T01:${String(i).padStart(2, "0")}:00Z`));
    const feed = feedFromLedger(rows, 10);
    expect(feed).toHaveLength(10);
    expect(feed[0].movementId).toBe("m14");
  });
});

describe("addToFeed", () => {
  it("puts a live sale on top", () => {
    const feed = addToFeed(feedFromLedger([row("m1", "GIN", 1, "2026-11-26T01:00:00Z")]), live("m9"));
    expect(feed.map((s) => s.movementId)).toEqual(["m9", "m1"]);
    expect(feed[0]).toMatchObject({ units: 2, amount: 56 });
  });

  it("does not list a sale the ledger fetch already brought", () => {
    const feed = feedFromLedger([row("m9", "GIN", 2, "2026-11-26T02:00:00Z")]);
    expect(addToFeed(feed, live("m9"))).toBe(feed);
  });
});
