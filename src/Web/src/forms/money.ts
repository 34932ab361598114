// Money is decimal in the Api; here it is counted in whole cents so totals never pick up float dust.

/** Cents of a typed amount ("12.5", "12.50", "$12.50"), or null when it is not an amount with at most 2 decimals. */
export function centsOf(text: string): number | null {
  const cleaned = text.trim().replace(/^\$/, "");
  if (!/^\d+(\.\d{0,2})?$/.test(cleaned) && !/^\.\d{1,2}$/.test(cleaned)) return null;
  const [whole, fraction = ""] = cleaned.split(".");
  return Number(whole || "0") * 100 + Number(fraction.padEnd(2, "0"));
}

// One locale for every amount, the dashboard chart's axis included, so a figure reads the same on every screen.
export const moneyLocale = "en-US";

/** An amount in the organisation's currency; a dash where there is none. */
export function formatMoney(amount: number | null | undefined, currency = "USD"): string {
  if (amount === null || amount === undefined) return "—";
  return new Intl.NumberFormat(moneyLocale, { style: "currency", currency }).format(amount);
}

export function formatCents(cents: number, currency = "USD"): string {
  return formatMoney(cents / 100, currency);
}
