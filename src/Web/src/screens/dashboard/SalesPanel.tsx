import { useMemo } from "react";
import { Link } from "react-router-dom";
import type { SalesAnalytics } from "../../api/analytics";
import { dayFigures, salesSeries } from "../../analytics/todaySales";
import { formatMoney, moneyLocale } from "../../forms/money";
import Chart from "../../components/Chart";
import { Empty } from "../../components/Status";

/** Today's tiles, the last 30 days as a chart, and the products that took the most. */
export function SalesPanel({ analytics, today, currency }: { analytics: SalesAnalytics; today: string; currency: string }) {
  const figures = dayFigures(analytics, today);
  const money = useMemo(() => (v: number) => formatMoney(v, currency), [currency]);
  const axisMoney = useMemo(
    () => (v: number) => new Intl.NumberFormat(moneyLocale, { style: "currency", currency, notation: "compact", maximumFractionDigits: 1 }).format(v),
    [currency],
  );
  const { x, series } = useMemo(() => {
    const columns = salesSeries(analytics);
    return { x: columns.x, series: [{ label: "Sales", values: columns.sales, stroke: "#1f3a5f", points: true }] };
  }, [analytics]);
  const change = analytics.previousPeriod.salesChangePercent;
  const best = analytics.dailyBreakdown.reduce((top, d) => (d.sales > top.sales ? d : top), analytics.dailyBreakdown[0]);

  return (
    <section aria-labelledby="today-heading">
      <h2 id="today-heading">Today ({today})</h2>
      <div className="tiles">
        <div className="tile">
          Sales
          <strong data-figure="sales-today">{money(figures.sales)}</strong>
        </div>
        <div className="tile">
          Transactions
          <strong data-figure="transactions-today">{figures.transactions}</strong>
        </div>
        <div className="tile">
          Bottles sold
          <strong data-figure="units-today">{figures.units}</strong>
        </div>
        <div className="tile">
          Last 30 days
          <strong data-figure="sales-30-days">{money(analytics.totalSales)}</strong>
          <span className="muted">{change == null ? "no sales the 30 days before" : `${change > 0 ? "+" : ""}${change}% on the 30 days before`}</span>
        </div>
      </div>

      <h2>Sales by day, last 30 days</h2>
      {analytics.totalTransactions === 0 ? (
        <Empty>No sales in the last 30 days yet. Sales rung up at the till or sent by your POS integration appear here as they happen.</Empty>
      ) : (
        <Chart
          summary={`Sales by day from ${analytics.startDate} to ${analytics.endDate}: ${money(analytics.totalSales)} in ${analytics.totalTransactions} transactions; best day ${best?.date} with ${money(best?.sales ?? 0)}.`}
          caption="Sales by business day"
          x={x}
          series={series}
          format={money}
          axisFormat={axisMoney}
        />
      )}

      <h2>Top products, last 30 days</h2>
      {analytics.topProducts.length === 0 ? (
        <Empty>Nothing sold yet in this period.</Empty>
      ) : (
        <table aria-label="Top products">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Bottles
              </th>
              <th scope="col" className="num">
                Revenue
              </th>
            </tr>
          </thead>
          <tbody>
            {analytics.topProducts.slice(0, 5).map((p) => (
              <tr key={p.productId}>
                <td>
                  {p.name} <span className="muted wide">{p.sku}</span>
                </td>
                <td className="num">{p.quantity}</td>
                <td className="num">{money(p.revenue)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/forecasts">What to order next →</Link>
      </p>
    </section>
  );
}
