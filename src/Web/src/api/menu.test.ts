import { describe, expect, it } from "vitest";
import { ounces, pourText, ruleText, type PosModifierRule, type ServingSize } from "./menu";

const shot: ServingSize = { id: "s1", name: "Shot", volumeMl: 44.36 };
const sizes = new Map([[shot.id, shot]]);
const rule = (r: Partial<PosModifierRule>) =>
  ({ id: "m", posModifierId: "M", name: "M", action: "ignore", factor: null, volumeMl: null, servingSizeId: null, productId: null, replacesProductId: null, ...r }) as PosModifierRule;

describe("the menu in a bartender's words", () => {
  it("reads volumes as ounces and pours by size, volume or units", () => {
    expect(ounces(59.147)).toBe("2");
    expect(pourText({ volumeMl: null, servingSizeId: "s1", quantity: null }, sizes)).toBe("Shot (1.5 oz)");
    expect(pourText({ volumeMl: 29.574, servingSizeId: null, quantity: null }, sizes)).toBe("1 oz");
    expect(pourText({ volumeMl: null, servingSizeId: null, quantity: 1 }, sizes)).toBe("1 × whole");
  });

  it("says what each modifier does", () => {
    const name = (id: string) => (id === "p1" ? "Patrón" : "Well tequila");
    expect(ruleText(rule({ action: "multiply", factor: 2 }), sizes, name)).toBe("× 2");
    expect(ruleText(rule({ action: "substitute", productId: "p1", replacesProductId: "p2" }), sizes, name)).toBe("pours Patrón instead of Well tequila");
    expect(ruleText(rule({ action: "set_size", volumeMl: 59.147 }), sizes, name)).toBe("first pour set to 2 oz");
  });
});
