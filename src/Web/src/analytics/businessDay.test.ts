import { describe, expect, it } from "vitest";
import { addDays, businessDate, chartTime, salesWindow, timeZoneOf } from "./businessDay";

describe("businessDate", () => {
  it("is the date at the location, not in UTC", () => {
    // 02:30 UTC on the 26th is still the evening of the 25th in Chicago.
    expect(businessDate(new Date("2026-11-26T02:30:00Z"), "America/Chicago")).toBe("2026-11-25");
    expect(businessDate(new Date("2026-11-26T02:30:00Z"), "Europe/Berlin")).toBe("2026-11-26");
  });
});

describe("salesWindow", () => {
  it("is the last 30 days ending today, both included", () => {
    expect(salesWindow("2026-03-01")).toEqual({ startDate: "2026-01-31", endDate: "2026-03-01" });
  });

  it("crosses month and leap-day boundaries", () => {
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
    expect(addDays("2026-01-01", -1)).toBe("2025-12-31");
  });
});

describe("timeZoneOf", () => {
  const locations = [
    { id: "a", name: "A", timezone: "America/New_York" },
    { id: "b", name: "B", timezone: "America/Chicago" },
    { id: "c", name: "C", timezone: "America/Chicago" },
  ];

  it("is the chosen location's zone", () => {
    expect(timeZoneOf(locations, "a")).toBe("America/New_York");
  });

  it("with every location chosen, is the zone most of them keep", () => {
    expect(timeZoneOf(locations, "")).toBe("America/Chicago");
  });
});

describe("chartTime", () => {
  it("is the date's midnight UTC in seconds", () => {
    expect(chartTime("2026-11-25")).toBe(Date.UTC(2026, 10, 25) / 1000);
  });
});
