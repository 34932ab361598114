import type { Product } from "../api/catalogue";
import type { MovementLine } from "../api/ledger";
import { centsOf } from "./money";

/** A line of a delivery or a transfer as typed: text until submitted, so a half-typed "12." is not lost. */
export interface LineDraft {
  /** Stable across edits and removals, for React and for labels. */
  key: string;
  product: Pick<Product, "id" | "sku" | "name" | "cost">;
  quantity: string;
  /** Receiving only: the cost of one bottle on the invoice. */
  unitCost: string;
}

export const maxQuantity = 100_000;
export const maxLines = 500;

export function newLine(product: LineDraft["product"], key: string): LineDraft {
  return { key, product, quantity: "1", unitCost: product.cost.toFixed(2) };
}

/** Adds a product, or one more bottle to its line when it is already on the list (a second scan of the same bottle). */
export function addProduct(lines: LineDraft[], product: LineDraft["product"], key: string): LineDraft[] {
  const existing = lines.find((l) => l.product.id === product.id);
  if (!existing) return [...lines, newLine(product, key)];
  const count = wholeNumber(existing.quantity);
  return lines.map((l) => (l === existing ? { ...l, quantity: String((count ?? 0) + 1) } : l));
}

function wholeNumber(text: string): number | null {
  return /^\s*\d+\s*$/.test(text) ? Number(text) : null;
}

/** What is wrong with one line, in plain words, or null. */
export function lineProblem(line: LineDraft, options: { withCost: boolean }): string | null {
  const quantity = wholeNumber(line.quantity);
  if (quantity === null) return `${line.product.name}: enter how many bottles, as a whole number.`;
  if (quantity < 1) return `${line.product.name}: the quantity must be at least 1 bottle.`;
  if (quantity > maxQuantity) return `${line.product.name}: at most ${maxQuantity.toLocaleString()} bottles on one line.`;
  if (options.withCost) {
    const cents = centsOf(line.unitCost);
    if (cents === null) return `${line.product.name}: the unit cost must be an amount like 12.50.`;
    if (cents > 999_999_999_999) return `${line.product.name}: the unit cost is too large.`;
  }
  return null;
}

/**
 * A warning when a transfer line asks for more than the source had when last seen. Only a warning: a delivery or
 * a count may have changed it since, and the Api, which knows, refuses a real shortfall (INSUFFICIENT_STOCK).
 */
export function shortAtSource(line: LineDraft, onHand: number | undefined): string | null {
  const quantity = wholeNumber(line.quantity);
  if (onHand === undefined || quantity === null || quantity <= Math.max(onHand, 0)) return null;
  return `More than the ${Math.max(onHand, 0)} on hand at the source.`;
}

/** Every problem of the lines, one sentence each; empty when they can be sent. */
export function linesProblems(lines: LineDraft[], options: { withCost: boolean }): string[] {
  if (lines.length === 0) return ["Add at least one product."];
  const problems = lines
    .map((line) => lineProblem(line, options))
    .filter((p): p is string => p !== null);
  if (lines.length > maxLines) problems.push(`At most ${maxLines} lines in one go; split it in two.`);
  return problems;
}

/** Bottles and money of a delivery so far; lines still being typed count as zero. */
export function deliveryTotals(lines: LineDraft[]): { bottles: number; cents: number } {
  let bottles = 0;
  let cents = 0;
  for (const line of lines) {
    const quantity = wholeNumber(line.quantity) ?? 0;
    bottles += quantity;
    cents += quantity * (centsOf(line.unitCost) ?? 0);
  }
  return { bottles, cents };
}

export function lineCents(line: LineDraft): number | null {
  const quantity = wholeNumber(line.quantity);
  const cents = centsOf(line.unitCost);
  return quantity === null || cents === null ? null : quantity * cents;
}

/** The lines as the Api takes them; call only once linesProblems is empty. */
export function movementLines(lines: LineDraft[], withCost: boolean): MovementLine[] {
  return lines.map((line) => ({
    productId: line.product.id,
    quantity: Number(line.quantity.trim()),
    ...(withCost ? { unitCost: (centsOf(line.unitCost) ?? 0) / 100 } : {}),
  }));
}

/** The Api names line problems `items[2].quantity`; this says which product that is. */
export function lineOfField(field: string, lines: LineDraft[]): LineDraft | undefined {
  const match = /^items\[(\d+)\]/.exec(field);
  return match ? lines[Number(match[1])] : undefined;
}

/**
 * The Api's INSUFFICIENT_STOCK answer in a manager's words. Its first sentence names what is on hand and what was
 * asked ("Only 9 of VOD-750 on hand at this location; 20 asked."); the rest repeats it per field.
 */
export function shortageExplained(message: string, source: string): string {
  const first = message.split(/(?<=\.)\s/)[0].trim();
  return `Not enough stock at ${source}, so nothing was moved. ${first} Lower the quantity, or count the shelf if that figure looks wrong.`;
}
