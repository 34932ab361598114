import { useEffect, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { LowStockRaised } from "../../api/analytics";
import type { InventoryItem, Page } from "../../api/types";
import { Empty, Loading, Problem } from "../../components/Status";
import { onEvent } from "../../live/hub";
import { useLiveInventory } from "../../live/useLiveInventory";

const shown = 20;

/** What is below par at the location now, kept current by live stock changes, and the alerts raised while watching. */
export function LowStock({ locationId }: { locationId: string }) {
  // Under the "inventory" key, so useLiveInventory's refetch after a stock change refreshes it too.
  const items = useQuery({
    queryKey: ["inventory", locationId, "low-stock"],
    queryFn: () => apiFetch<Page<InventoryItem>>(withQuery("/api/v1/inventory/items", { locationId, lowStock: "true", limit: shown })),
    enabled: locationId !== "",
  });
  useLiveInventory(locationId);
  const [raised, setRaised] = useState<LowStockRaised[]>([]);
  useEffect(() => {
    setRaised([]);
    return onEvent<LowStockRaised>("alert:lowStock", (alert) => {
      if (alert.locationId === locationId) setRaised((list) => [alert, ...list].slice(0, 5));
    });
  }, [locationId]);

  const more = (items.data?.pagination.total ?? 0) - (items.data?.items.length ?? 0);
  return (
    <section aria-labelledby="low-heading">
      <h2 id="low-heading">Below par</h2>
      {raised.length > 0 && (
        <ul className="alerts" aria-label="Low-stock alerts just raised">
          {raised.map((a) => (
            <li key={`${a.productId}-${a.timestamp}`} role="alert">
              {a.sku} fell below par: {a.quantity} left, par {a.parLevel}
            </li>
          ))}
        </ul>
      )}
      <Problem error={items.error} />
      {items.isLoading && <Loading what="Loading low stock…" />}
      {items.data && items.data.items.length === 0 && <Empty>Everything here is at or above par. Nothing to reorder right now.</Empty>}
      {items.data && items.data.items.length > 0 && (
        <table aria-label="Below par">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num">
                Par
              </th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((item) => (
              <tr key={item.id} data-product-id={item.productId} className={item.negativeStock ? "negative" : "low"}>
                <td>{item.name}</td>
                <td className="num">{item.quantity}</td>
                <td className="num">{item.parLevel}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <Link to="/inventory">{more > 0 ? `And ${more} more: open Inventory and tick "Below par only"` : "Open Inventory"}</Link>
      </p>
    </section>
  );
}
