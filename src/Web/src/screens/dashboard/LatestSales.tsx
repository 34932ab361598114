import type { FeedSale } from "../../analytics/salesFeed";
import { formatMoney } from "../../forms/money";
import { Empty } from "../../components/Status";

const time = (iso: string) => new Date(iso).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" });

/** The newest sales, newest on top; amounts only for readers who may see money. */
export function LatestSales({ sales, live, showMoney, currency, locationName }: { sales: FeedSale[]; live: boolean; showMoney: boolean; currency: string; locationName?: (id: string) => string | undefined }) {
  return (
    <section aria-labelledby="latest-heading">
      <h2 id="latest-heading">Latest sales</h2>
      <p className="muted" role="status">
        {live ? "Live: new sales appear here as they are rung up." : "Connecting for live sales…"}
      </p>
      {sales.length === 0 ? (
        <Empty>No sales recorded yet. They appear here the moment the till or the POS records one.</Empty>
      ) : (
        <ul className="feed" aria-label="Latest sales">
          {sales.map((sale) => (
            <li key={sale.movementId}>
              <span className="feed-time">{time(sale.occurredAt)}</span>
              <span className="feed-lines">
                {sale.lines.map((l) => `${l.quantity} × ${l.sku}`).join(", ")}
                {locationName && <span className="muted"> · {locationName(sale.locationId)}</span>}
              </span>
              <span className="num">{showMoney && sale.amount !== null ? formatMoney(sale.amount, currency) : `${sale.units} btl`}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
