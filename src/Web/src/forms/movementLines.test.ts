import { describe, expect, it } from "vitest";
import { addProduct, deliveryTotals, lineOfField, linesProblems, movementLines, newLine, shortAtSource, shortageExplained, type LineDraft } from "./movementLines";

const gin = { id: "g", sku: "GIN-750", name: "Hendrick's Gin", cost: 12.5 };
const vodka = { id: "v", sku: "VOD-750", name: "Tito's Vodka", cost: 19.99 };
const line = (product: typeof gin, quantity: string, unitCost = product.cost.toFixed(2)): LineDraft => ({ key: product.id, product, quantity, unitCost });

describe("receiving totals", () => {
  it("adds bottles and money in cents, without float dust", () => {
    // 3 x 19.99 is 59.97, which floats get wrong (59.96999…).
    expect(deliveryTotals([line(gin, "6"), line(vodka, "3")])).toEqual({ bottles: 9, cents: 6 * 1250 + 3 * 1999 });
  });

  it("counts a line still being typed as nothing", () => {
    expect(deliveryTotals([line(gin, ""), line(vodka, "2", "abc")])).toEqual({ bottles: 2, cents: 0 });
  });
});

describe("line checks", () => {
  it("refuses quantity 0, fractions and text in plain words naming the product", () => {
    expect(linesProblems([line(gin, "0")], { withCost: true })).toEqual(["Hendrick's Gin: the quantity must be at least 1 bottle."]);
    expect(linesProblems([line(gin, "1.5")], { withCost: true })).toEqual(["Hendrick's Gin: enter how many bottles, as a whole number."]);
    expect(linesProblems([line(gin, "100001")], { withCost: true })).toEqual(["Hendrick's Gin: at most 100,000 bottles on one line."]);
  });

  it("checks the unit cost only when receiving", () => {
    expect(linesProblems([line(gin, "2", "12.345")], { withCost: true })).toEqual(["Hendrick's Gin: the unit cost must be an amount like 12.50."]);
    expect(linesProblems([line(gin, "2", "12.345")], { withCost: false })).toEqual([]);
  });

  it("asks for a product when there is none", () => {
    expect(linesProblems([], { withCost: false })).toEqual(["Add at least one product."]);
  });

  it("warns, without refusing, when a transfer asks more than the source had", () => {
    expect(shortAtSource(line(vodka, "20"), 9)).toBe("More than the 9 on hand at the source.");
    expect(shortAtSource(line(vodka, "9"), 9)).toBeNull();
    expect(shortAtSource(line(vodka, "1"), -2)).toBe("More than the 0 on hand at the source.");
    expect(shortAtSource(line(vodka, "5"), undefined)).toBeNull();
  });
});

describe("lines", () => {
  it("prefills the unit cost from the product's cost", () => {
    expect(newLine(gin, "k")).toEqual({ key: "k", product: gin, quantity: "1", unitCost: "12.50" });
  });

  it("adds a product once and counts a second scan as one more bottle", () => {
    const once = addProduct([], gin, "a");
    const twice = addProduct(once, gin, "b");
    expect(twice).toHaveLength(1);
    expect(twice[0].quantity).toBe("2");
    expect(addProduct(twice, vodka, "c").map((l) => l.product.id)).toEqual(["g", "v"]);
  });

  it("sends whole numbers and decimal costs", () => {
    expect(movementLines([line(gin, " 6 ", "12.5")], true)).toEqual([{ productId: "g", quantity: 6, unitCost: 12.5 }]);
    expect(movementLines([line(vodka, "2")], false)).toEqual([{ productId: "v", quantity: 2 }]);
  });

  it("finds the line an Api field names", () => {
    const lines = [line(gin, "1"), line(vodka, "1")];
    expect(lineOfField("items[1].quantity", lines)?.product.id).toBe("v");
    expect(lineOfField("supplierId", lines)).toBeUndefined();
  });
});

describe("shortageExplained", () => {
  it("keeps the Api's sentence naming what is on hand, and says nothing moved", () => {
    const message = "Only 9 of VOD-750 on hand at this location; 20 asked. VOD-750: 9 on hand.";
    expect(shortageExplained(message, "Main Bar")).toBe(
      "Not enough stock at Main Bar, so nothing was moved. Only 9 of VOD-750 on hand at this location; 20 asked. Lower the quantity, or count the shelf if that figure looks wrong.",
    );
  });
});
