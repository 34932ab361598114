import type { SaleRecorded, SalesAnalytics } from "../api/analytics";
import { chartTime } from "./businessDay";

export interface DayFigures {
  sales: number;
  transactions: number;
  units: number;
}

/** The figures of one business day in the answer; zeros when the day is outside it. */
export function dayFigures(analytics: SalesAnalytics | undefined, date: string): DayFigures {
  const day = analytics?.dailyBreakdown.find((d) => d.date === date);
  return day ? { sales: day.sales, transactions: day.transactions, units: day.units } : { sales: 0, transactions: 0, units: 0 };
}

// Money arrives as JSON numbers with at most two decimals; summing in cents keeps 0.1 + 0.2 at 0.30.
const cents = (amount: number) => Math.round(amount * 100);
const addMoney = (a: number, b: number) => (cents(a) + cents(b)) / 100;

/**
 * The answer as it stands once a live sale is counted, until the next fetch replaces it: the sale's
 * day, the period's totals and its products' revenue. A sale dated outside the period changes nothing.
 */
export function mergeSale(analytics: SalesAnalytics, sale: SaleRecorded, saleDate: string): SalesAnalytics {
  if (!analytics.dailyBreakdown.some((d) => d.date === saleDate)) return analytics;
  const totalSales = addMoney(analytics.totalSales, sale.totalAmount);
  const totalTransactions = analytics.totalTransactions + 1;
  return {
    ...analytics,
    totalSales,
    totalTransactions,
    totalUnits: analytics.totalUnits + sale.totalUnits,
    averageTransaction: Math.round((totalSales * 100) / totalTransactions) / 100,
    dailyBreakdown: analytics.dailyBreakdown.map((d) =>
      d.date === saleDate ? { ...d, sales: addMoney(d.sales, sale.totalAmount), transactions: d.transactions + 1, units: d.units + sale.totalUnits } : d,
    ),
    topProducts: analytics.topProducts.map((p) => {
      const lines = sale.lines.filter((l) => l.productId === p.productId);
      if (lines.length === 0) return p;
      return {
        ...p,
        quantity: p.quantity + lines.reduce((n, l) => n + l.quantity, 0),
        revenue: lines.reduce((sum, l) => addMoney(sum, l.amount), p.revenue),
      };
    }),
  };
}

/** The daily breakdown as the chart's columns: x in seconds, then sales per day. */
export function salesSeries(analytics: SalesAnalytics): { x: number[]; sales: number[] } {
  return { x: analytics.dailyBreakdown.map((d) => chartTime(d.date)), sales: analytics.dailyBreakdown.map((d) => d.sales) };
}
