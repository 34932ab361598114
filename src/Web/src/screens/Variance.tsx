import { useMutation, useQuery } from "@tanstack/react-query";
import { apiDownload, apiFetch } from "../api/client";
import { biggestLosses, type DataHealthItem, type VarianceReport } from "../api/variance";
import { saveFile } from "../compliance/saveFile";
import { LocationPicker, useLocationChoice } from "../components/LocationPicker";
import { Empty, Loading, Problem } from "../components/Status";
import { Working } from "../components/Working";
import { Shell } from "../layout/Shell";
import "./Variance.css";

const money = new Intl.NumberFormat("en-US", { style: "currency", currency: "USD" });
const ounces = (oz: number | null) => (oz === null ? "—" : oz.toFixed(2));

/** Which spirit is over-poured: actual against theoretical usage between a location's last two counts. */
export default function Variance() {
  const [locationId, setLocationId] = useLocationChoice();
  const report = useQuery({
    queryKey: ["variance", locationId],
    queryFn: () => apiFetch<VarianceReport>(`/api/v1/analytics/variance?locationId=${locationId}`),
    enabled: locationId !== "",
    retry: false,
  });
  const download = useMutation({
    mutationFn: async (format: "csv" | "html") => {
      const blob = await apiDownload(`/api/v1/analytics/variance?locationId=${locationId}&format=${format}`);
      saveFile(blob, `variance-${report.data?.to.snapshotAt.slice(0, 10) ?? "report"}.${format}`);
    },
  });
  const data = report.data;
  const losses = data ? biggestLosses(data.products) : [];
  const top = losses[0]?.variance.cost ?? 0;

  return (
    <Shell title="Variance">
      <div className="filters">
        <LocationPicker value={locationId} onChange={setLocationId} />
      </div>
      <Problem error={report.error ?? download.error} />
      {report.isLoading && <Loading />}
      {data && (
        <>
          <p className="muted">
            From {data.from.name} to {data.to.name}. Variance = actual usage (counts, receipts, transfers) − what the POS sold.
          </p>
          <div className="inline">
            <button type="button" className="secondary" disabled={download.isPending} onClick={() => download.mutate("csv")}>
              Download CSV
            </button>
            <button type="button" className="secondary" disabled={download.isPending} onClick={() => download.mutate("html")}>
              Printable page
            </button>
          </div>
          {download.isPending && <Working what="Preparing the download…" />}
          {losses.length === 0 ? (
            <Empty>No product lost money between these counts.</Empty>
          ) : (
            <figure className="losses" aria-label={`Biggest losses: ${losses[0].name} lost ${money.format(losses[0].variance.cost)} at cost.`}>
              <figcaption>Biggest losses at cost</figcaption>
              <ol>
                {losses.map((p) => (
                  <li key={p.productId}>
                    <span className="loss-name">{p.name}</span>
                    <span className="loss-bar" style={{ width: `${Math.max(2, (p.variance.cost / top) * 100)}%` }} aria-hidden="true" />
                    <span className="loss-value">{money.format(p.variance.cost)}</span>
                  </li>
                ))}
              </ol>
            </figure>
          )}
          <div className="table-scroll">
            <table aria-label="Variance by product">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Actual (oz)</th>
                  <th scope="col">Sold (oz)</th>
                  <th scope="col">Waste (oz)</th>
                  <th scope="col">Variance (oz)</th>
                  <th scope="col">Variance (units)</th>
                  <th scope="col">Cost</th>
                  <th scope="col">Retail</th>
                  <th scope="col">%</th>
                </tr>
              </thead>
              <tbody>
                {data.products.map((p) => (
                  <tr key={p.productId} data-product-id={p.productId} className={p.variance.cost > 0 ? "loss" : undefined}>
                    <th scope="row">
                      {p.name} <small className="muted">{p.sku}</small>
                    </th>
                    <td>{ounces(p.actualUsage.oz)}</td>
                    <td>{ounces(p.theoreticalUsage.oz)}</td>
                    <td>{ounces(p.waste.oz)}</td>
                    <td>{ounces(p.variance.oz)}</td>
                    <td>{p.variance.units}</td>
                    <td>{money.format(p.variance.cost)}</td>
                    <td>{money.format(p.variance.retail)}</td>
                    <td>{p.variancePercent === null ? "—" : `${p.variancePercent}%`}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>By category</h2>
          <table aria-label="Variance by category">
            <thead>
              <tr>
                <th scope="col">Category</th>
                <th scope="col">Variance (oz)</th>
                <th scope="col">Cost</th>
                <th scope="col">Retail</th>
                <th scope="col">%</th>
              </tr>
            </thead>
            <tbody>
              {[...data.categories, data.totals].map((c) => (
                <tr key={c.category}>
                  <th scope="row">{c.category}</th>
                  <td>{ounces(c.variance.oz)}</td>
                  <td>{money.format(c.variance.cost)}</td>
                  <td>{money.format(c.variance.retail)}</td>
                  <td>{c.variancePercent === null ? "—" : `${c.variancePercent}%`}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>Data health</h2>
          <ul className="health">
            <Health title="POS items left unmapped" items={data.dataHealth.unmappedPosItems} />
            <Health title="Receipts without a cost" items={data.dataHealth.receiptsWithoutCost} />
            <Health title="Sold but not counted at close" items={data.dataHealth.soldNotCounted} />
          </ul>
        </>
      )}
    </Shell>
  );
}

function Health({ title, items }: { title: string; items: DataHealthItem[] }) {
  return (
    <li>
      {title}: {items.length === 0 ? "none" : items.map((i) => `${i.what} (${i.lines})`).join(", ")}
    </li>
  );
}
