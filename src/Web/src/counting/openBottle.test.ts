import { describe, expect, it } from "vitest";
import { countBody, countedQuantity, openShare, parseGrams, weightProblem } from "./openBottle";

// The bottle: 750 ml, 1,250 g full, 500 g empty, 0.95 g/ml.
const bottle = { sizeMl: 750, fullWeightG: 1250, emptyWeightG: 500, densityGPerMl: 0.95 };

describe("an open bottle", () => {
  it("counted in tenths is that share of a bottle", () => {
    expect(countedQuantity(3, { tenths: 4 })).toBe(3.4);
    expect(openShare({ tenths: 0 })).toBe(0);
  });

  it("weighed is its liquid over the density, as a share of the size", () => {
    // (880 - 500) / 0.95 = 400 ml of 750.
    expect(countedQuantity(2, { weightG: 880 }, bottle)).toBe(2.53333333);
    // Without a density, the full bottle's liquid weight over its size: (1250 - 500) / 750 = 1 g/ml.
    expect(openShare({ weightG: 875 }, { ...bottle, densityGPerMl: null })).toBe(0.5);
    expect(openShare({ weightG: 1300 }, bottle)).toBe(1);
  });

  it("reads a typed weight with a comma or a point, and nothing as no weight", () => {
    expect([parseGrams("880"), parseGrams(" 880,5 "), parseGrams("")]).toEqual([880, 880.5, null]);
  });

  it("refuses a weight outside the bottle's or a product without weights", () => {
    expect(weightProblem(880, bottle)).toBeNull();
    expect(weightProblem(499, bottle)).toMatch(/between the empty bottle's 500 g/);
    expect(weightProblem(880, null)).toMatch(/count it in tenths/);
    expect(countedQuantity(1, { weightG: 880 }, null)).toBeNull();
  });

  it("is sent for the Api to measure, and a plain count as a quantity", () => {
    expect(countBody({ quantity: 3.4, units: 3, open: [{ tenths: 4 }], notes: "" })).toEqual({ units: 3, open: [{ tenths: 4 }], notes: undefined });
    expect(countBody({ quantity: 7, notes: "shelf 2" })).toEqual({ quantity: 7, notes: "shelf 2" });
  });
});
