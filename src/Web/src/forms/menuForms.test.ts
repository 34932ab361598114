import { describe, expect, it } from "vitest";
import type { PosItemMapping, PosModifierRule, Recipe } from "../api/menu";
import { checkServingSize, servingSizeBody, servingSizeValuesOf, modifierBody, modifierValuesOf, posItemBody, posItemValuesOf, recipeBody, recipeValuesOf } from "./menuForms";
import { newPour } from "./pour";

const names: Record<string, string> = { teq: "Well tequila", sec: "Triple sec", pat: "Patrón" };
const name = (id: string) => names[id] ?? "?";

describe("the recipe form", () => {
  const margarita: Recipe = {
    id: "r1",
    name: "Margarita",
    ingredients: [
      { productId: "teq", name: null, volumeMl: 59.147, servingSizeId: null, quantity: null },
      { productId: null, name: "Lime juice", volumeMl: null, servingSizeId: null, quantity: null },
    ],
  };

  it("gives back what it was loaded with", () => {
    expect(recipeBody(recipeValuesOf(margarita, name))).toEqual({
      body: { name: "Margarita", ingredients: [{ productId: "teq", volumeOz: 2 }, { name: "Lime juice" }] },
    });
  });

  it("names the ingredient that is not ready", () => {
    const values = recipeValuesOf(margarita, name);
    values.ingredients[0].pour = { ...newPour, amount: "" };
    expect(recipeBody(values)).toEqual({ problem: "Well tequila: Type the pour in oz, more than 0." });
    values.ingredients[0].pour = { ...newPour, amount: "2" };
    values.ingredients[1].name = " ";
    expect(recipeBody(values)).toEqual({ problem: "Ingredient 2: name it, or choose a product." });
    values.ingredients[0].product = { id: "", name: "" };
    expect(recipeBody(values)).toEqual({ problem: "Ingredient 1: choose the product." });
    expect(recipeBody({ name: " ", ingredients: [] })).toEqual({ problem: "Name the recipe." });
    expect(recipeBody({ name: "Empty", ingredients: [] })).toEqual({ problem: "Add at least one ingredient." });
  });
});

describe("the POS item form", () => {
  it("starts from a queued line and sells a bottle whole by default", () => {
    const values = posItemValuesOf(undefined, name, { posItemId: "T-77", name: "Paloma" });
    expect(values).toMatchObject({ posItemId: "T-77", name: "Paloma", locationId: "", pours: "recipe" });
    expect(posItemBody(values)).toEqual({ problem: "Choose the recipe it pours." });
    values.pours = "product";
    values.product = { id: "teq", name: "Well tequila" };
    expect(posItemBody(values)).toEqual({ body: { posItemId: "T-77", name: "Paloma", locationId: undefined, productId: "teq", quantity: 1 } });
  });

  it("keeps a location's mapping and its pour when edited", () => {
    const item: PosItemMapping = { id: "i", locationId: "loc", posItemId: "S-1", name: "Tequila shot", recipeId: null, productId: "teq", volumeMl: null, servingSizeId: "shot", quantity: null };
    expect(posItemBody(posItemValuesOf(item, name))).toEqual({ body: { posItemId: "S-1", name: "Tequila shot", locationId: "loc", productId: "teq", servingSizeId: "shot" } });
  });
});

describe("the modifier rule form", () => {
  const rule = (r: Partial<PosModifierRule>) =>
    ({ id: "m", posModifierId: "M-1", name: "Make it a double", action: "multiply", factor: 2, volumeMl: null, servingSizeId: null, productId: null, replacesProductId: null, ...r }) as PosModifierRule;

  it("sends only what its action needs", () => {
    expect(modifierBody(modifierValuesOf(rule({}), name))).toEqual({ body: { posModifierId: "M-1", name: "Make it a double", action: "multiply", factor: 2 } });
    expect(modifierBody(modifierValuesOf(rule({ action: "ignore", factor: null }), name))).toEqual({ body: { posModifierId: "M-1", name: "Make it a double", action: "ignore" } });
    expect(modifierBody(modifierValuesOf(rule({ action: "substitute", factor: null, productId: "pat" }), name))).toEqual({
      body: { posModifierId: "M-1", name: "Make it a double", action: "substitute", productId: "pat", replacesProductId: undefined },
    });
    expect(modifierBody(modifierValuesOf(rule({ action: "add", factor: null, productId: "sec", volumeMl: 14.787 }), name))).toEqual({
      body: { posModifierId: "M-1", name: "Make it a double", action: "add", volumeOz: 0.5, productId: "sec" },
    });
  });

  it("refuses a rule that cannot work", () => {
    expect(modifierBody(modifierValuesOf(rule({ factor: 0 }), name))).toEqual({ problem: "Type the factor, more than 0 (a double is 2)." });
    expect(modifierBody(modifierValuesOf(rule({ action: "add", factor: null, volumeMl: 14.787 }), name))).toEqual({ problem: "Choose the product it adds." });
    expect(modifierBody(modifierValuesOf(rule({ action: "set_size", factor: null }), name))).toEqual({ problem: "Type the pour in oz, more than 0." });
  });
});

describe("the serving size form", () => {
  it("edits a size in the unit it was made in", () => {
    expect(servingSizeValuesOf({ id: "s", name: "Shot", volumeMl: 44.36 })).toEqual({ name: "Shot", amount: "1.5", unit: "oz" });
    expect(servingSizeValuesOf({ id: "s", name: "Small", volumeMl: 50 })).toEqual({ name: "Small", amount: "50", unit: "ml" });
    expect(servingSizeBody({ name: " Pint ", amount: "16", unit: "oz" })).toEqual({ name: "Pint", volumeOz: 16 });
    expect(servingSizeBody({ name: "Small", amount: "50", unit: "ml" })).toEqual({ name: "Small", volumeMl: 50 });
  });

  it("names each missing field", () => {
    expect(checkServingSize({ name: "", amount: "x", unit: "ml" })).toEqual({ name: "Name the serving size (a shot, a pint).", volume: "Type the volume in ml, more than 0." });
    expect(checkServingSize({ name: "Pint", amount: "16", unit: "oz" })).toEqual({});
  });
});
