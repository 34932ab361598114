import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { ReorderList as Reorder } from "../../api/analytics";
import { describeMethod } from "../../analytics/forecast";
import { formatMoney } from "../../forms/money";
import { Empty, Problem } from "../../components/Status";
import { Working } from "../../components/Working";

/** What to order now at the location, one table per supplier, from each product's forecast. */
export function ReorderList({ locationId, currency }: { locationId: string; currency: string }) {
  const reorder = useQuery({
    queryKey: ["reorder", locationId],
    queryFn: () => apiFetch<Reorder>(withQuery("/api/v1/analytics/reorder", { locationId })),
    enabled: locationId !== "",
    staleTime: 60_000,
  });
  return (
    <section aria-labelledby="reorder-heading">
      <h2 id="reorder-heading">What to order now</h2>
      <Problem error={reorder.error} />
      {reorder.isLoading && <Working what="Working out what to order at this location…" later="Training the demand model on your sales history first…" />}
      {reorder.data && reorder.data.suppliers.length === 0 && (
        <Empty>Nothing needs ordering in the next {reorder.data.reviewDays} days. Check again after the next delivery or busy weekend.</Empty>
      )}
      {reorder.data?.suppliers.map((supplier) => (
        <div key={supplier.supplierId ?? "none"} className="supplier-order">
          <h3>
            {supplier.supplierName} <span className="muted">· about {formatMoney(supplier.estimatedCost, currency)}</span>
          </h3>
          <table aria-label={`Order from ${supplier.supplierName}`}>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col" className="num">
                  On hand
                </th>
                <th scope="col" className="num">
                  Order
                </th>
                <th scope="col">By</th>
                <th scope="col" className="num wide">
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {supplier.lines.map((line) => (
                <tr key={line.productId} data-product-id={line.productId}>
                  <td>
                    {line.name}
                    {describeMethod(line.method).fallback && <span className="muted"> (fallback)</span>}
                  </td>
                  <td className="num">{line.onHand}</td>
                  <td className="num">{line.quantity}</td>
                  <td>{line.orderBy ?? "now"}</td>
                  <td className="num wide">{formatMoney(line.estimatedCost, currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
      {reorder.data && (
        <p className="muted">
          Lead time {reorder.data.leadTimeDays} days (the supplier's when set), reviewed every {reorder.data.reviewDays} days, {Math.round(reorder.data.serviceLevel * 100)} % service level.
        </p>
      )}
    </section>
  );
}
