import { describe, expect, it } from "vitest";
import { ledgerPath, ledgerTypeName, ledgerTypes } from "./ledger";

describe("ledgerTypeName", () => {
  it("says each type in the trade's words", () => {
    expect(ledgerTypes.map(ledgerTypeName)).toEqual(["Sale", "Receiving", "Transfer in", "Transfer out", "Adjustment", "Count", "Waste", "Comp"]);
  });

  it("keeps a type it does not know readable", () => {
    expect(ledgerTypeName("opening_balance")).toBe("opening balance");
  });
});

describe("ledgerPath", () => {
  it("leaves out empty filters", () => {
    expect(ledgerPath({ type: "", locationId: "", from: "", to: "", page: 1 })).toBe("/api/v1/transactions?page=1&limit=50");
  });

  it("sends whole local days: from the start of the first to the start of the day after the last", () => {
    const path = ledgerPath({ type: "purchase", locationId: "loc", from: "2026-03-01", to: "2026-03-03", page: 2 });
    const query = new URL(path, "http://x").searchParams;
    expect(query.get("type")).toBe("purchase");
    expect(query.get("locationId")).toBe("loc");
    expect(query.get("from")).toBe(new Date(2026, 2, 1).toISOString());
    expect(query.get("to")).toBe(new Date(2026, 2, 4).toISOString());
    expect(query.get("page")).toBe("2");
  });
});
