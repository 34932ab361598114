import type { Location } from "../api/types";

// Sales figures are kept by business date in the location's time zone, not the browser's: a bar in
// Chicago still in Tuesday's shift at 01:00 UTC must not see Wednesday's empty tiles.

/** The calendar date (yyyy-MM-dd) of an instant in a time zone. */
export function businessDate(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(instant);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")}`;
}

/** A yyyy-MM-dd date moved by whole days. */
export function addDays(date: string, days: number): string {
  const moved = new Date(`${date}T00:00:00Z`);
  moved.setUTCDate(moved.getUTCDate() + days);
  return moved.toISOString().slice(0, 10);
}

/** The last `days` business days ending today, both ends included, as the analytics query wants them. */
export function salesWindow(today: string, days = 30): { startDate: string; endDate: string } {
  return { startDate: addDays(today, -(days - 1)), endDate: today };
}

const fallbackZone = "America/Chicago";

/**
 * The time zone whose "today" a screen shows: the chosen location's, or with every location
 * chosen (""), the zone most of them keep.
 */
export function timeZoneOf(locations: Location[], locationId: string): string {
  if (locationId) return locations.find((l) => l.id === locationId)?.timezone ?? fallbackZone;
  const counts = new Map<string, number>();
  for (const location of locations) {
    if (location.timezone) counts.set(location.timezone, (counts.get(location.timezone) ?? 0) + 1);
  }
  let best = fallbackZone;
  let most = 0;
  for (const [zone, count] of counts) {
    if (count > most) [best, most] = [zone, count];
  }
  return best;
}

/** A business date as the chart's x value: seconds at its midnight UTC (the chart reads it back in UTC). */
export function chartTime(date: string): number {
  return Date.parse(`${date}T00:00:00Z`) / 1000;
}
