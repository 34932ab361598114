// The menu's forms (recipes, POS items, modifier rules): their values as typed, and the body the Api takes
// (docs/API.md, Menu), checked first so a form says what is missing before anything is sent.
import type { PosItemMapping, PosModifierRule, Recipe, ServingSize } from "../api/menu";
import type { FieldErrors } from "./fieldErrors";
import { newPour, parseAmount, pourBody, pourValuesOf, type PourValues } from "./pour";

export type Checked = { body: object } | { problem: string };

/** A product chosen in a form, with its name for the form to show. */
export interface Chosen {
  id: string;
  name: string;
}

const none: Chosen = { id: "", name: "" };

export interface IngredientValues {
  /** Keeps a row's inputs in place while rows are added and removed. */
  key: number;
  /** A product stock follows; an untracked ingredient (lime juice) has only a name. */
  tracked: boolean;
  product: Chosen;
  /** An untracked ingredient's name. */
  name: string;
  pour: PourValues;
}

export interface RecipeValues {
  name: string;
  ingredients: IngredientValues[];
}

export function recipeValuesOf(recipe: Recipe | undefined, productName: (id: string) => string): RecipeValues {
  return {
    name: recipe?.name ?? "",
    ingredients: (recipe?.ingredients ?? []).map((i, key) => ({
      key,
      tracked: !!i.productId,
      product: i.productId ? { id: i.productId, name: productName(i.productId) } : none,
      name: i.name ?? "",
      pour: i.productId ? pourValuesOf(i) : newPour,
    })),
  };
}

export function recipeBody(values: RecipeValues): Checked {
  const name = values.name.trim();
  if (name === "") return { problem: "Name the recipe." };
  if (values.ingredients.length === 0) return { problem: "Add at least one ingredient." };
  if (values.ingredients.length > 50) return { problem: "A recipe has at most 50 ingredients." };
  const ingredients: object[] = [];
  for (const [n, row] of values.ingredients.entries()) {
    if (!row.tracked) {
      if (row.name.trim() === "") return { problem: `Ingredient ${n + 1}: name it, or choose a product.` };
      ingredients.push({ name: row.name.trim() });
      continue;
    }
    if (!row.product.id) return { problem: `Ingredient ${n + 1}: choose the product.` };
    const pour = pourBody(row.pour);
    if ("problem" in pour) return { problem: `${row.product.name}: ${pour.problem}` };
    ingredients.push({ productId: row.product.id, ...pour.body });
  }
  return { body: { name, ingredients } };
}

export interface PosItemValues {
  posItemId: string;
  name: string;
  /** "" for every location of the organisation. */
  locationId: string;
  pours: "recipe" | "product";
  recipeId: string;
  product: Chosen;
  pour: PourValues;
}

/** The form of a saved mapping, or of a new one (started from a queued POS line when there is one). */
export function posItemValuesOf(item: PosItemMapping | undefined, productName: (id: string) => string, start?: Partial<Pick<PosItemValues, "posItemId" | "name" | "locationId">>): PosItemValues {
  if (!item) return { posItemId: "", name: "", locationId: "", ...start, pours: "recipe", recipeId: "", product: none, pour: { ...newPour, mode: "whole", amount: "1" } };
  return {
    posItemId: item.posItemId,
    name: item.name,
    locationId: item.locationId ?? "",
    pours: item.recipeId ? "recipe" : "product",
    recipeId: item.recipeId ?? "",
    product: item.productId ? { id: item.productId, name: productName(item.productId) } : none,
    pour: item.recipeId ? newPour : pourValuesOf(item),
  };
}

export function posItemBody(values: PosItemValues): Checked {
  const posItemId = values.posItemId.trim();
  const name = values.name.trim();
  if (posItemId === "") return { problem: "Type the POS's id of the item." };
  if (name === "") return { problem: "Name the item." };
  const common = { posItemId, name, locationId: values.locationId || undefined };
  if (values.pours === "recipe") return values.recipeId ? { body: { ...common, recipeId: values.recipeId } } : { problem: "Choose the recipe it pours." };
  if (!values.product.id) return { problem: "Choose the product it pours." };
  const pour = pourBody(values.pour);
  return "problem" in pour ? pour : { body: { ...common, productId: values.product.id, ...pour.body } };
}

export type ModifierAction = PosModifierRule["action"];

export interface ModifierValues {
  posModifierId: string;
  name: string;
  action: ModifierAction;
  factor: string;
  pour: PourValues;
  product: Chosen;
  /** For a substitute: the product it replaces; none for the first ingredient. */
  replaces: Chosen;
}

export function modifierValuesOf(rule: PosModifierRule | undefined, productName: (id: string) => string): ModifierValues {
  const chosen = (id: string | null | undefined) => (id ? { id, name: productName(id) } : none);
  return {
    posModifierId: rule?.posModifierId ?? "",
    name: rule?.name ?? "",
    action: rule?.action ?? "multiply",
    factor: rule?.factor === null || rule?.factor === undefined ? "2" : String(rule.factor),
    pour: rule ? pourValuesOf({ volumeMl: rule.volumeMl, servingSizeId: rule.servingSizeId, quantity: null }) : newPour,
    product: chosen(rule?.productId),
    replaces: chosen(rule?.replacesProductId),
  };
}

export function modifierBody(values: ModifierValues): Checked {
  const posModifierId = values.posModifierId.trim();
  const name = values.name.trim();
  if (posModifierId === "") return { problem: "Type the POS's id of the modifier." };
  if (name === "") return { problem: "Name the modifier." };
  const common = { posModifierId, name, action: values.action };
  switch (values.action) {
    case "ignore":
      return { body: common };
    case "multiply": {
      const factor = parseAmount(values.factor);
      return factor > 0 ? { body: { ...common, factor } } : { problem: "Type the factor, more than 0 (a double is 2)." };
    }
    case "set_size":
    case "add": {
      if (values.action === "add" && !values.product.id) return { problem: "Choose the product it adds." };
      const pour = pourBody(values.pour, false);
      if ("problem" in pour) return pour;
      return { body: { ...common, ...pour.body, productId: values.action === "add" ? values.product.id : undefined } };
    }
    case "substitute":
      return values.product.id
        ? { body: { ...common, productId: values.product.id, replacesProductId: values.replaces.id || undefined } }
        : { problem: "Choose the product it pours instead." };
  }
}

/** A serving size as typed: a name and its volume in ounces or millilitres. */
export interface ServingSizeValues {
  name: string;
  amount: string;
  unit: "oz" | "ml";
}

export function servingSizeValuesOf(size: ServingSize | undefined): ServingSizeValues {
  if (!size) return { name: "", amount: "", unit: "oz" };
  const pour = pourValuesOf({ volumeMl: size.volumeMl, servingSizeId: null, quantity: null });
  return { name: size.name, amount: pour.amount, unit: pour.mode === "ml" ? "ml" : "oz" };
}

export function checkServingSize(values: ServingSizeValues): FieldErrors {
  const errors: FieldErrors = {};
  if (values.name.trim() === "") errors.name = "Name the serving size (a shot, a pint).";
  if (!(parseAmount(values.amount) > 0)) errors.volume = `Type the volume in ${values.unit}, more than 0.`;
  return errors;
}

export function servingSizeBody(values: ServingSizeValues): object {
  const amount = parseAmount(values.amount);
  return { name: values.name.trim(), ...(values.unit === "oz" ? { volumeOz: amount } : { volumeMl: amount }) };
}
