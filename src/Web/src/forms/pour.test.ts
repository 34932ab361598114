import { describe, expect, it } from "vitest";
import { parseAmount, pourBody, pourValuesOf } from "./pour";

describe("a pour as typed", () => {
  it("shows a saved volume in ounces only when the ounces give back the same millilitres", () => {
    expect(pourValuesOf({ volumeMl: 59.147, servingSizeId: null, quantity: null })).toMatchObject({ mode: "oz", amount: "2" });
    expect(pourValuesOf({ volumeMl: 44.36, servingSizeId: null, quantity: null })).toMatchObject({ mode: "oz", amount: "1.5" });
    expect(pourValuesOf({ volumeMl: 50, servingSizeId: null, quantity: null })).toMatchObject({ mode: "ml", amount: "50" });
    expect(pourValuesOf({ volumeMl: null, servingSizeId: "s1", quantity: null })).toMatchObject({ mode: "size", servingSizeId: "s1" });
    expect(pourValuesOf({ volumeMl: null, servingSizeId: null, quantity: 6 })).toMatchObject({ mode: "whole", amount: "6" });
  });

  it("reads a comma or a point, and nothing else, as a number", () => {
    expect(parseAmount("1,5")).toBe(1.5);
    expect(parseAmount(" 2 ")).toBe(2);
    expect(parseAmount("")).toBeNaN();
    expect(parseAmount("2 oz")).toBeNaN();
    expect(parseAmount("-1")).toBeNaN();
  });

  it("sends one of volumeOz, volumeMl, servingSizeId or quantity", () => {
    expect(pourBody({ mode: "oz", amount: "1,5", servingSizeId: "" })).toEqual({ body: { volumeOz: 1.5 } });
    expect(pourBody({ mode: "ml", amount: "45", servingSizeId: "" })).toEqual({ body: { volumeMl: 45 } });
    expect(pourBody({ mode: "size", amount: "", servingSizeId: "s1" })).toEqual({ body: { servingSizeId: "s1" } });
    expect(pourBody({ mode: "whole", amount: "1", servingSizeId: "" })).toEqual({ body: { quantity: 1 } });
  });

  it("says what is missing instead of sending it", () => {
    expect(pourBody({ mode: "oz", amount: "0", servingSizeId: "" })).toEqual({ problem: "Type the pour in oz, more than 0." });
    expect(pourBody({ mode: "size", amount: "", servingSizeId: "" })).toEqual({ problem: "Choose a serving size." });
    expect(pourBody({ mode: "whole", amount: "1", servingSizeId: "" }, false)).toEqual({ problem: "Choose a volume or a serving size." });
  });
});
