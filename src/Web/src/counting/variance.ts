/** A variance as the trade writes it: +2, −3 (a real minus sign), 0. */
export function signed(n: number): string {
  // To the ledger's eight places, so 3.4 - 6 reads −2.6 and not a float's tail.
  const r = Math.round(n * 1e8) / 1e8;
  return r > 0 ? `+${r}` : r < 0 ? `−${-r}` : "0";
}

/** A typed count: a whole number of bottles from 0 to 100,000 (what the Api accepts), else null. */
export function parseCount(text: string): number | null {
  const trimmed = text.trim();
  if (!/^\d{1,6}$/.test(trimmed)) return null;
  const n = Number(trimmed);
  return n <= 100_000 ? n : null;
}

/** The count after a stepper, kept within 0 and 100,000. */
export function step(current: number, by: number): number {
  return Math.min(100_000, Math.max(0, current + by));
}
