import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { ProofGallons, TtbMonthly } from "../../api/compliance";
import { businessDate, timeZoneOf } from "../../analytics/businessDay";
import { previousMonth } from "../../compliance/periods";
import { LocationOptions, useLocations } from "../../components/LocationPicker";
import { Loading, Problem } from "../../components/Status";

const pg = (figure: ProofGallons) => figure.reported.toFixed(1);

/** The TTB monthly figures (proof gallons) from the ledger for a chosen month, one table per form. */
export function TtbPanel() {
  const locations = useLocations();
  const all = locations.data?.items ?? [];
  const [month, setMonth] = useState(() => previousMonth(businessDate(new Date(), timeZoneOf(all, ""))));
  const [locationId, setLocationId] = useState("");
  const figures = useQuery({
    queryKey: ["compliance", "ttb", month, locationId],
    queryFn: () => apiFetch<TtbMonthly>(withQuery("/api/v1/compliance/ttb/monthly", { month, locationId })),
    enabled: /^\d{4}-\d{2}$/.test(month),
  });
  const t = figures.data;

  return (
    <div>
      <div className="filters">
        <div>
          <label htmlFor="ttb-month">Month</label>
          <input id="ttb-month" type="month" value={month} onChange={(e) => setMonth(e.target.value)} />
        </div>
        <div>
          <label htmlFor="ttb-location">Location</label>
          <select id="ttb-location" value={locationId} onChange={(e) => setLocationId(e.target.value)}>
            <option value="">All locations</option>
            <LocationOptions locations={all} />
          </select>
        </div>
      </div>
      <Problem error={figures.error} />
      {figures.isLoading && <Loading what="Adding up the month's proof gallons…" />}
      {t && (
        <>
          <p className="muted">
            {t.periodStart} to {t.periodEnd}, proof gallons. {t.rounding}
          </p>
          {t.warnings.length > 0 && (
            <ul className="alerts" aria-label="Warnings">
              {t.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <h2>
            {t.storage.title} ({t.storage.form})
          </h2>
          <p className="muted">Due {t.storage.dueOn}: {t.storage.dueRule}</p>
          <div className="scroll">
            <table aria-label={t.storage.title}>
              <thead>
                <tr>
                  <th scope="col">Kind</th>
                  <th scope="col" className="num">Opening</th>
                  <th scope="col" className="num">Received</th>
                  <th scope="col" className="num">Produced</th>
                  <th scope="col" className="num">Gains</th>
                  <th scope="col" className="num">Removed tax-paid</th>
                  <th scope="col" className="num">Losses</th>
                  <th scope="col" className="num">Transferred out</th>
                  <th scope="col" className="num">Closing</th>
                </tr>
              </thead>
              <tbody>
                {[...t.storage.lines, { ...t.storage.totals, kind: "Total" }].map((l) => (
                  <tr key={l.kind} className={l.kind === "Total" ? "total" : undefined}>
                    <th scope="row">{l.kind}</th>
                    <td className="num">{pg(l.openingOnHand)}</td>
                    <td className="num">{pg(l.received)}</td>
                    <td className="num">{pg(l.produced)}</td>
                    <td className="num">{pg(l.gains)}</td>
                    <td className="num">{pg(l.removedTaxpaid)}</td>
                    <td className="num">{pg(l.losses)}</td>
                    <td className="num">{pg(l.transferredOut)}</td>
                    <td className="num">{pg(l.closingOnHand)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="muted">{t.storage.note}</p>

          <h2>
            {t.production.title} ({t.production.form})
          </h2>
          <p className="muted">Due {t.production.dueOn}: {t.production.dueRule}</p>
          <table aria-label={t.production.title}>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">Produced</th>
              </tr>
            </thead>
            <tbody>
              {[...t.production.lines, { ...t.production.totals, kind: "Total" }].map((l) => (
                <tr key={l.kind} className={l.kind === "Total" ? "total" : undefined}>
                  <th scope="row">{l.kind}</th>
                  <td className="num">{pg(l.produced)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t.production.note}</p>

          <h2>
            {t.processing.title} ({t.processing.form})
          </h2>
          <p className="muted">Due {t.processing.dueOn}: {t.processing.dueRule}</p>
          <table aria-label={t.processing.title}>
            <thead>
              <tr>
                <th scope="col">Kind</th>
                <th scope="col" className="num">Received</th>
                <th scope="col" className="num">Bottled</th>
                <th scope="col" className="num">Removed</th>
              </tr>
            </thead>
            <tbody>
              {[...t.processing.lines, { ...t.processing.totals, kind: "Total" }].map((l) => (
                <tr key={l.kind} className={l.kind === "Total" ? "total" : undefined}>
                  <th scope="row">{l.kind}</th>
                  <td className="num">{pg(l.received)}</td>
                  <td className="num">{pg(l.bottled)}</td>
                  <td className="num">{pg(l.removed)}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <p className="muted">{t.processing.note}</p>
        </>
      )}
    </div>
  );
}
