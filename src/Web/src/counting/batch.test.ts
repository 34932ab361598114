import { describe, expect, it } from "vitest";
import { batchRow, rowOutcomes } from "./batch";
import type { QueuedCount } from "./queue";

const entry = (itemId: string, extra: Partial<QueuedCount> = {}): QueuedCount => ({
  id: `c-${itemId}`,
  itemId,
  locationId: "bar",
  productId: `p-${itemId}`,
  name: itemId,
  sku: itemId,
  quantity: 4,
  notes: "",
  onRecord: 6,
  userId: "dana",
  countedAt: "2026-12-07T23:00:00Z",
  status: "waiting",
  attempts: 0,
  ...extra,
});

describe("count mode's batch rows", () => {
  it("sends a whole count as count, and open bottles as units and open, as the single count does", () => {
    expect(batchRow(entry("gin", { notes: "shelf 2" }))).toEqual({ itemId: "gin", count: 4, notes: "shelf 2" });
    expect(batchRow(entry("rum", { quantity: 3.4, units: 3, open: [{ tenths: 4 }] }))).toEqual({ itemId: "rum", units: 3, open: [{ tenths: 4 }], notes: undefined });
  });

  it("gives each count its row's outcome by row number", () => {
    const sent = [entry("gin"), entry("rum")];
    const outcomes = rowOutcomes(sent, {
      rows: 2,
      applied: 1,
      rejected: 1,
      results: [
        { row: 2, applied: false, itemId: null, quantity: null, variance: null, errorCode: "NOT_FOUND", error: "No inventory item rum in this organisation." },
        { row: 1, applied: true, itemId: "gin", quantity: 4, variance: -2, errorCode: null, error: null },
      ],
    });
    expect(outcomes).toEqual([
      { applied: true, receipt: { itemId: "gin", quantity: 4, variance: -2 } },
      { applied: false, error: "No inventory item rum in this organisation." },
    ]);
  });
});
