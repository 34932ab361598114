import { describe, expect, it } from "vitest";
import { biggestLosses, type ProductVariance } from "./variance";

const row = (sku: string, cost: number) => ({ sku, variance: { units: 0, ml: 0, oz: 0, cost, retail: 0 } }) as unknown as ProductVariance;

describe("the variance chart", () => {
  it("shows the largest losses in money, biggest first, and leaves out gains", () => {
    expect(biggestLosses([row("A", 2), row("B", -5), row("C", 20.83), row("D", 0)]).map((p) => p.sku)).toEqual(["C", "A"]);
    expect(biggestLosses(Array.from({ length: 14 }, (_, i) => row(`P${i}`, i + 1))).length).toBe(10);
  });
});
