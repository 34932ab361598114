// The menu as stock sees it (docs/API.md, Menu): serving sizes, recipes, POS items and modifier rules.

export interface ServingSize {
  id: string;
  name: string;
  volumeMl: number;
}

/** How much one pour takes: a volume, a serving size, or whole units. */
export interface Pour {
  volumeMl: number | null;
  servingSizeId: string | null;
  quantity: number | null;
}

export interface Ingredient {
  productId: string | null;
  name: string | null;
  volumeMl: number | null;
  servingSizeId: string | null;
  quantity: number | null;
}

export interface Recipe {
  id: string;
  name: string;
  ingredients: Ingredient[];
}

export interface PosItemMapping {
  id: string;
  locationId: string | null;
  posItemId: string;
  name: string;
  recipeId: string | null;
  productId: string | null;
  volumeMl: number | null;
  servingSizeId: string | null;
  quantity: number | null;
}

export interface PosModifierRule {
  id: string;
  posModifierId: string;
  name: string;
  action: "ignore" | "multiply" | "set_size" | "add" | "substitute";
  factor: number | null;
  volumeMl: number | null;
  servingSizeId: string | null;
  productId: string | null;
  replacesProductId: string | null;
}

/** Millilitres in a US fluid ounce. */
export const mlPerOunce = 29.5735295625;

/** US fluid ounces of a volume, to the hundredth, as a bar reads a pour. */
export function ounces(ml: number): string {
  return (Math.round((ml / mlPerOunce) * 100) / 100).toString();
}

/** A pour as a bartender says it: "2 oz", a serving size by name, or whole units. */
export function pourText(pour: Pour, sizes: Map<string, ServingSize>): string {
  if (pour.quantity !== null) return `${pour.quantity} × whole`;
  if (pour.servingSizeId) {
    const size = sizes.get(pour.servingSizeId);
    return size ? `${size.name} (${ounces(size.volumeMl)} oz)` : "a serving size";
  }
  return pour.volumeMl === null ? "" : `${ounces(pour.volumeMl)} oz`;
}

/** What a modifier rule does, in words. */
export function ruleText(rule: PosModifierRule, sizes: Map<string, ServingSize>, productName: (id: string) => string): string {
  switch (rule.action) {
    case "ignore":
      return "ignored";
    case "multiply":
      return `× ${rule.factor}`;
    case "set_size":
      return `first pour set to ${pourText({ volumeMl: rule.volumeMl, servingSizeId: rule.servingSizeId, quantity: null }, sizes)}`;
    case "add":
      return `adds ${pourText({ volumeMl: rule.volumeMl, servingSizeId: rule.servingSizeId, quantity: null }, sizes)} of ${productName(rule.productId ?? "")}`;
    case "substitute":
      return `pours ${productName(rule.productId ?? "")} instead of ${rule.replacesProductId ? productName(rule.replacesProductId) : "the first ingredient"}`;
  }
}

/** POST or PUT /pos-items: the mapping as stored, and how many queued POS lines it applied now. */
export interface PosItemSaved {
  item: PosItemMapping;
  queuedLinesApplied: number;
}

/** What the screen says once a POS item is mapped. */
export function savedText(saved: PosItemSaved): string {
  const applied = saved.queuedLinesApplied;
  return `${saved.item.name} is mapped.${applied > 0 ? ` ${applied} waiting POS ${applied === 1 ? "line was" : "lines were"} recorded as sold.` : ""}`;
}
