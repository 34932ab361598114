// Periods and names the compliance screen offers by default; dates are yyyy-MM-dd business dates.

/** The calendar month before the one `today` falls in: the period an ABC report is usually filed for. */
export function lastMonth(today: string): { periodStart: string; periodEnd: string } {
  const [year, month] = today.split("-").map(Number);
  const start = new Date(Date.UTC(year, month - 2, 1));
  const end = new Date(Date.UTC(year, month - 1, 0));
  return { periodStart: start.toISOString().slice(0, 10), periodEnd: end.toISOString().slice(0, 10) };
}

/** The previous month as yyyy-MM: the TTB month most often asked for (the current one is not over). */
export function previousMonth(today: string): string {
  return lastMonth(today).periodStart.slice(0, 7);
}

/** The name a downloaded report is saved under: what, where and which period, readable in a folder. */
export function reportFileName(report: { periodStart: string; periodEnd: string }, locationName: string | undefined, format: "csv" | "html"): string {
  const place = (locationName ?? "all-locations")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  return `abc-report-${place || "location"}-${report.periodStart}-to-${report.periodEnd}.${format}`;
}

/** How close a licence is to its expiry date, in words. */
export function expiryText(daysToExpiry: number): string {
  if (daysToExpiry > 1) return `${daysToExpiry} days left`;
  if (daysToExpiry === 1) return "expires tomorrow";
  if (daysToExpiry === 0) return "expires today";
  return daysToExpiry === -1 ? "expired yesterday" : `expired ${-daysToExpiry} days ago`;
}
