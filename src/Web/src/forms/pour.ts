// A pour as a bar manager types it (2 oz, 45 ml, a "Double", 1 whole bottle) and as the Api takes it (docs/API.md, Menu):
// one of volumeOz, volumeMl, servingSizeId or quantity.

import { mlPerOunce, ounces, type Pour } from "../api/menu";

export type PourMode = "oz" | "ml" | "size" | "whole";

export interface PourValues {
  mode: PourMode;
  /** The typed amount, for oz, ml and whole units. */
  amount: string;
  servingSizeId: string;
}

export const newPour: PourValues = { mode: "oz", amount: "", servingSizeId: "" };

export type PourBody = { volumeOz: number } | { volumeMl: number } | { servingSizeId: string } | { quantity: number };

/**
 * The form's values for a saved pour. A volume shows in ounces when its ounces, to the hundredth, give back the same
 * millilitres (1.5 oz, 2 oz); otherwise in millilitres (a 50 ml pour), so editing never moves it by a rounding.
 */
export function pourValuesOf(pour: Pour): PourValues {
  if (pour.quantity !== null) return { ...newPour, mode: "whole", amount: String(pour.quantity) };
  if (pour.servingSizeId) return { ...newPour, mode: "size", servingSizeId: pour.servingSizeId };
  if (pour.volumeMl === null) return newPour;
  const oz = Number(ounces(pour.volumeMl));
  return Math.abs(Math.round(oz * mlPerOunce * 1000) / 1000 - pour.volumeMl) < 0.0005
    ? { ...newPour, mode: "oz", amount: String(oz) }
    : { ...newPour, mode: "ml", amount: String(pour.volumeMl) };
}

/** A number as typed on a phone: a comma or a point for decimals; NaN when it is not one. */
export function parseAmount(text: string): number {
  const trimmed = text.trim().replace(",", ".");
  return trimmed === "" || !/^\d*\.?\d*$/.test(trimmed) ? Number.NaN : Number(trimmed);
}

/** What the Api is sent for a pour, or why it cannot be sent. `whole` is refused where whole units make no sense. */
export function pourBody(values: PourValues, allowWhole = true): { body: PourBody } | { problem: string } {
  if (values.mode === "size") return values.servingSizeId ? { body: { servingSizeId: values.servingSizeId } } : { problem: "Choose a serving size." };
  if (values.mode === "whole" && !allowWhole) return { problem: "Choose a volume or a serving size." };
  const amount = parseAmount(values.amount);
  if (!(amount > 0)) return { problem: values.mode === "whole" ? "Type how many whole units, more than 0." : `Type the pour in ${values.mode}, more than 0.` };
  switch (values.mode) {
    case "oz":
      return { body: { volumeOz: amount } };
    case "ml":
      return { body: { volumeMl: amount } };
    case "whole":
      return { body: { quantity: amount } };
  }
}
