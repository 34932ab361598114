import { describe, expect, it } from "vitest";
import { expiryText, lastMonth, previousMonth, reportFileName } from "./periods";

describe("lastMonth", () => {
  it("is the whole calendar month before today's", () => {
    expect(lastMonth("2026-11-26")).toEqual({ periodStart: "2026-10-01", periodEnd: "2026-10-31" });
  });

  it("crosses the year and knows February", () => {
    expect(lastMonth("2026-01-05")).toEqual({ periodStart: "2025-12-01", periodEnd: "2025-12-31" });
    expect(lastMonth("2028-03-01")).toEqual({ periodStart: "2028-02-01", periodEnd: "2028-02-29" });
  });
});

describe("previousMonth", () => {
  it("is last month as yyyy-MM", () => {
    expect(previousMonth("2026-01-31")).toBe("2025-12");
  });
});

describe("reportFileName", () => {
  const period = { periodStart: "2026-10-01", periodEnd: "2026-10-31" };

  it("names the location and the period", () => {
    expect(reportFileName(period, "Main Bar", "csv")).toBe("abc-report-main-bar-2026-10-01-to-2026-10-31.csv");
  });

  it("keeps only safe characters of a location's name", () => {
    expect(reportFileName(period, "Café Olé / Patio #2", "html")).toBe("abc-report-cafe-ole-patio-2-2026-10-01-to-2026-10-31.html");
    expect(reportFileName(period, undefined, "csv")).toBe("abc-report-all-locations-2026-10-01-to-2026-10-31.csv");
  });
});

describe("expiryText", () => {
  it("counts days left and days past", () => {
    expect(expiryText(10)).toBe("10 days left");
    expect(expiryText(1)).toBe("expires tomorrow");
    expect(expiryText(0)).toBe("expires today");
    expect(expiryText(-3)).toBe("expired 3 days ago");
  });
});
