import { describe, expect, it } from "vitest";
import type { SaleRecorded, SalesAnalytics } from "../api/analytics";
import { dayFigures, mergeSale, salesSeries } from "./todaySales";

const analytics: SalesAnalytics = {
  startDate: "2026-11-24",
  endDate: "2026-11-25",
  locationId: "bar",
  totalSales: 84.1,
  totalTransactions: 2,
  averageTransaction: 42.05,
  totalUnits: 3,
  topProducts: [{ productId: "gin", sku: "GIN", name: "Hendrick's Gin", quantity: 3, revenue: 84.1 }],
  dailyBreakdown: [
    { date: "2026-11-24", sales: 28, transactions: 1, units: 1 },
    { date: "2026-11-25", sales: 56.1, transactions: 1, units: 2 },
  ],
  previousPeriod: { startDate: "2026-11-22", endDate: "2026-11-23", totalSales: 0, totalTransactions: 0, salesChangePercent: null, transactionsChangePercent: null },
};

const sale = (amount: number, units: number): SaleRecorded => ({
  movementId: "m1",
  locationId: "bar",
  referenceId: null,
  occurredAt: "2026-11-25T23:00:00Z",
  recordedAt: "2026-11-25T23:00:00Z",
  soldBy: null,
  lines: [
    { productId: "gin", sku: "GIN", quantity: units - 1, unitPrice: 28, amount: 28 * (units - 1) },
    { productId: "rum", sku: "RUM", quantity: 1, unitPrice: amount - 28 * (units - 1), amount: amount - 28 * (units - 1) },
  ],
  totalUnits: units,
  totalAmount: amount,
});

describe("dayFigures", () => {
  it("reads one day of the breakdown", () => {
    expect(dayFigures(analytics, "2026-11-25")).toEqual({ sales: 56.1, transactions: 1, units: 2 });
  });

  it("is zeros for a day outside the answer or before it arrives", () => {
    expect(dayFigures(analytics, "2026-11-26")).toEqual({ sales: 0, transactions: 0, units: 0 });
    expect(dayFigures(undefined, "2026-11-25")).toEqual({ sales: 0, transactions: 0, units: 0 });
  });
});

describe("mergeSale", () => {
  it("adds a live sale to its day, the period's totals and its products, to the cent", () => {
    const merged = mergeSale(analytics, sale(56.2, 3), "2026-11-25");
    expect(dayFigures(merged, "2026-11-25")).toEqual({ sales: 112.3, transactions: 2, units: 5 });
    expect(merged.dailyBreakdown[0]).toBe(analytics.dailyBreakdown[0]);
    expect(merged).toMatchObject({ totalSales: 140.3, totalTransactions: 3, totalUnits: 6, averageTransaction: 46.77 });
    expect(merged.topProducts[0]).toMatchObject({ quantity: 5, revenue: 140.1 });
  });

  it("ignores a sale dated outside the period", () => {
    expect(mergeSale(analytics, sale(28, 2), "2026-11-26")).toBe(analytics);
  });

  it("leaves the answer it was given unchanged", () => {
    mergeSale(analytics, sale(28, 2), "2026-11-25");
    expect(analytics.totalSales).toBe(84.1);
  });
});

describe("salesSeries", () => {
  it("gives one x and one sales figure per day, in order", () => {
    expect(salesSeries(analytics)).toEqual({ x: [Date.UTC(2026, 10, 24) / 1000, Date.UTC(2026, 10, 25) / 1000], sales: [28, 56.1] });
  });
});
