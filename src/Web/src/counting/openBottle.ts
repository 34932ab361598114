// An open bottle counted the way a bartender counts it: in tenths by eye, or on a scale. The Api works out the exact
// quantity and volume from what is sent (docs/API.md, counts); these figures are only the preview on the phone.

/** One open container as the count sends it: tenths (0 to 10), or its gross weight in grams. */
export type OpenBottle = { tenths: number } | { weightG: number };

/** What a product's scale needs: its size and its full and empty weights, with the liquid's density when known. */
export interface BottleWeights {
  sizeMl: number;
  fullWeightG: number;
  emptyWeightG: number;
  densityGPerMl?: number | null;
}

/** The share of a bottle an open bottle holds: tenths / 10, or (grams - empty) / density over the size, at most one bottle. */
export function openShare(open: OpenBottle, weights?: BottleWeights | null): number | null {
  if ("tenths" in open) return open.tenths / 10;
  if (!weights) return null;
  const density = weights.densityGPerMl ?? (weights.fullWeightG - weights.emptyWeightG) / weights.sizeMl;
  const ml = (open.weightG - weights.emptyWeightG) / density;
  return Math.min(Math.max(ml, 0), weights.sizeMl) / weights.sizeMl;
}

/** Whole bottles plus the open one, to eight places as the ledger keeps it. */
export function countedQuantity(whole: number, open: OpenBottle | null, weights?: BottleWeights | null): number | null {
  if (!open) return whole;
  const share = openShare(open, weights);
  return share === null ? null : Math.round((whole + share) * 1e8) / 1e8;
}

/** A weight as typed on a phone (a comma or a point for decimals), or null when nothing is typed. */
export function parseGrams(text: string): number | null {
  const trimmed = text.trim();
  return trimmed === "" ? null : Number(trimmed.replace(",", "."));
}

/** Why a typed weight cannot be a count of this bottle, or null when it can. */
export function weightProblem(grams: number | null, weights?: BottleWeights | null): string | null {
  if (!weights) return "This product has no full and empty weights: count it in tenths, or set its weights on the Products screen.";
  if (grams === null || Number.isNaN(grams)) return "Type the bottle's weight in grams.";
  if (grams < weights.emptyWeightG || grams > weights.fullWeightG)
    return `The weight must be between the empty bottle's ${weights.emptyWeightG} g and the full bottle's ${weights.fullWeightG} g.`;
  return null;
}

/** The body of a count: the whole figure, or whole bottles and the open one for the Api to measure. */
export function countBody(entry: { quantity: number; units?: number; open?: OpenBottle[]; notes?: string }): object {
  const notes = entry.notes || undefined;
  return entry.open && entry.open.length > 0 ? { units: entry.units ?? 0, open: entry.open, notes } : { quantity: entry.quantity, notes };
}
