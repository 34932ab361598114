import { describe, expect, it } from "vitest";
import { centsOf, formatCents, formatMoney } from "./money";

describe("centsOf", () => {
  it("reads amounts as typed", () => {
    expect(centsOf("12.5")).toBe(1250);
    expect(centsOf("12.50")).toBe(1250);
    expect(centsOf("$7")).toBe(700);
    expect(centsOf(".99")).toBe(99);
    expect(centsOf(" 0 ")).toBe(0);
    expect(centsOf("19.99")).toBe(1999);
  });

  it("refuses what the Api would", () => {
    expect(centsOf("")).toBeNull();
    expect(centsOf("-1")).toBeNull();
    expect(centsOf("1.234")).toBeNull();
    expect(centsOf("12,50")).toBeNull();
    expect(centsOf("ten")).toBeNull();
  });
});

describe("formatMoney", () => {
  it("writes amounts in the currency, and a dash for none", () => {
    expect(formatMoney(12.5)).toBe("$12.50");
    expect(formatMoney(1234, "EUR")).toBe("€1,234.00");
    expect(formatMoney(null)).toBe("—");
    expect(formatCents(1999)).toBe("$19.99");
  });
});
