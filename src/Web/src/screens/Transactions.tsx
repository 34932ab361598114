import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import { ledgerPath, ledgerTypeName, ledgerTypes, type LedgerEntry } from "../api/ledger";
import type { Location, Page } from "../api/types";
import { useProductNames } from "../api/useProductNames";
import { Shell } from "../layout/Shell";
import { Field, SelectField } from "../components/Field";
import { Pager } from "../components/Pager";
import { Empty, Loading, Problem } from "../components/Status";
import { formatMoney } from "../forms/money";
import "./Transactions.css";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

function signed(quantity: number): string {
  return quantity > 0 ? `+${quantity}` : quantity < 0 ? `−${-quantity}` : "0";
}

export default function Transactions() {
  const [type, setType] = useState("");
  const [locationId, setLocationId] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [type, locationId, from, to]);

  // Inactive locations too: old rows point at them.
  const locations = useQuery({
    queryKey: ["locations", "all"],
    queryFn: () => apiFetch<Page<Location>>("/api/v1/locations?page=1&limit=200&includeInactive=true"),
    staleTime: 5 * 60_000,
  });
  const locationName = (id: string | null) => (id ? (locations.data?.items.find((l) => l.id === id)?.name ?? "another location") : "");

  const badRange = from !== "" && to !== "" && to < from;
  const ledger = useQuery({
    queryKey: ["ledger", type, locationId, from, to, page],
    queryFn: () => apiFetch<Page<LedgerEntry>>(ledgerPath({ type, locationId, from, to, page })),
    enabled: !badRange,
    placeholderData: keepPreviousData,
  });
  const rows = ledger.data?.items ?? [];
  const productName = useProductNames(rows.map((r) => r.productId));
  const filtered = type !== "" || locationId !== "" || from !== "" || to !== "";

  return (
    <Shell title="Transactions">
      <div className="filters">
        <SelectField id="type" label="Type" value={type} onChange={(e) => setType(e.target.value)}>
          <option value="">All types</option>
          {ledgerTypes.map((t) => (
            <option key={t} value={t}>
              {ledgerTypeName(t)}
            </option>
          ))}
        </SelectField>
        <SelectField id="ledger-location" label="Location" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
          <option value="">All locations</option>
          {locations.data?.items.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
              {l.isActive === false ? " (inactive)" : ""}
            </option>
          ))}
        </SelectField>
        <Field id="from" label="From" type="date" value={from} max={to || undefined} onChange={(e) => setFrom(e.target.value)} />
        <Field id="to" label="To" type="date" value={to} min={from || undefined} onChange={(e) => setTo(e.target.value)} error={badRange ? "The end date is before the start date." : undefined} />
      </div>
      <Problem error={ledger.error} />
      {ledger.isLoading && <Loading />}
      {ledger.data && rows.length === 0 && (
        <Empty>
          {filtered
            ? "No movements match these filters. Widen the dates or choose all types."
            : "No stock has moved yet. Receive a delivery, record a sale or count a shelf, and it shows here."}
        </Empty>
      )}
      {rows.length > 0 && (
        <table aria-label="Transactions" className="ledger">
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Type</th>
              <th scope="col">Product</th>
              <th scope="col" className="wide">
                Location
              </th>
              <th scope="col" className="num">
                Qty
              </th>
              <th scope="col" className="num wide">
                Amount
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id} data-type={row.type} data-product-id={row.productId}>
                <td>{when.format(new Date(row.occurredAt))}</td>
                <td>{ledgerTypeName(row.type)}</td>
                <td>
                  {productName(row.productId) ?? row.sku}
                  <br />
                  <span className="muted">{row.sku}</span>
                </td>
                <td className="wide">
                  {locationName(row.locationId)}
                  {row.counterpartLocationId && (
                    <span className="muted">
                      {" "}
                      {row.type === "transfer_out" ? "→" : "←"} {locationName(row.counterpartLocationId)}
                    </span>
                  )}
                  {row.referenceId && <span className="muted"> · {row.referenceId}</span>}
                </td>
                <td className={row.quantity < 0 ? "num out" : "num in"} data-label="quantity">
                  {signed(row.quantity)}
                </td>
                <td className="num wide">{formatMoney(row.totalAmount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={ledger.data?.pagination} onPage={setPage} noun="movements" />
    </Shell>
  );
}
