import { useMemo } from "react";
import type { DemandForecast } from "../../api/analytics";
import { bandMeaning, describeMethod, forecastSeries, totalDemand } from "../../analytics/forecast";
import Chart from "../../components/Chart";

const bottles = (v: number) => `${Math.round(v * 10) / 10}`;
const longDate = (date: string) => new Date(`${date}T00:00:00Z`).toLocaleDateString([], { timeZone: "UTC", weekday: "short", day: "numeric", month: "short" });

/** The order to place and why: the forecast with its band, the method, and the stock figures behind the order. */
export function ForecastResult({ answer, productName }: { answer: DemandForecast; productName: string }) {
  const method = describeMethod(answer.method);
  const { x, series } = useMemo(() => {
    const columns = forecastSeries(answer);
    return {
      x: columns.x,
      series: [
        { label: "Most likely", values: columns.predicted, stroke: "#1f3a5f", width: 2 },
        { label: "High", values: columns.upper, stroke: "#8a96a3", width: 1, dash: [4, 4] },
        { label: "Low", values: columns.lower, stroke: "#8a96a3", width: 1, dash: [4, 4] },
      ],
    };
  }, [answer]);
  const band = useMemo<[number, number]>(() => [1, 2], []);
  const first = answer.forecast[0];
  const last = answer.forecast[answer.forecast.length - 1];

  return (
    <section aria-labelledby="forecast-heading" className="forecast">
      <h2 id="forecast-heading">{productName}</h2>
      <div className="tiles">
        <div className="tile" data-figure="recommended-order">
          Recommended order
          <strong>{answer.recommendedOrderQuantity > 0 ? `${answer.recommendedOrderQuantity} bottles` : "Nothing yet"}</strong>
          <span className="muted">
            {answer.recommendedOrderQuantity > 0 && answer.recommendedOrderDate ? `order by ${longDate(answer.recommendedOrderDate)}` : "stock covers this period"}
            {answer.casePack ? ` · cases of ${answer.casePack}` : ""}
          </span>
        </div>
        <div className="tile">
          On hand
          <strong>{answer.onHand}</strong>
          <span className="muted">reorder point {answer.reorderPoint}</span>
        </div>
        <div className="tile">
          Order up to
          <strong>{answer.orderUpTo}</strong>
          <span className="muted">
            safety stock {answer.safetyStock} · lead time {answer.leadTimeDays} d
          </span>
        </div>
      </div>
      <p className={method.fallback ? "method fallback" : "method"} data-figure="method">
        <strong>Method:</strong> {method.text}
        {method.fallback && " (the model needs more weeks of sales for this product; the estimate will sharpen as they come)."}
      </p>
      {answer.forecast.length > 0 && first && last && (
        <Chart
          summary={`Forecast demand for ${productName} from ${first.date} to ${last.date}: about ${bottles(totalDemand(answer))} bottles in all.`}
          caption={`Daily demand forecast for ${productName}, in bottles`}
          x={x}
          series={series}
          band={band}
          format={bottles}
        />
      )}
      <p className="muted">{bandMeaning(first?.confidence)}</p>
    </section>
  );
}
