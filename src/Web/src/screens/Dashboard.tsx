import { useEffect, useRef, useState } from "react";
import { Link } from "react-router-dom";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, getSession, withQuery } from "../api/client";
import type { LedgerRow, SaleRecorded, SalesAnalytics } from "../api/analytics";
import type { Page } from "../api/types";
import { businessDate, salesWindow, timeZoneOf } from "../analytics/businessDay";
import { mergeSale } from "../analytics/todaySales";
import { addToFeed, feedFromLedger, type FeedSale } from "../analytics/salesFeed";
import { useBusinessToday } from "../analytics/useBusinessToday";
import { useCurrency } from "../analytics/useCurrency";
import { Shell } from "../layout/Shell";
import { LocationOptions, useLocationChoice, useLocations } from "../components/LocationPicker";
import { Empty, Loading, Problem } from "../components/Status";
import { useLiveSales, type SalesScope } from "../live/useLiveSales";
import { SalesPanel } from "./dashboard/SalesPanel";
import { LatestSales } from "./dashboard/LatestSales";
import { LowStock } from "./dashboard/LowStock";
import { ComplianceAlerts } from "./dashboard/ComplianceAlerts";
import "./Dashboard.css";

// After a live sale the tiles move at once; the figures are fetched again a little later (once for a
// burst of sales) so the totals end up exactly what the ledger says.
const refetchAfterSaleMs = 4_000;

/**
 * The first screen: today's sales, the last 30 days, the latest sales as they happen, what is below par
 * and open compliance alerts. Staff may not read sales figures (the Api answers 403), so they see the
 * sales feed in bottles and the stock, without money.
 */
export default function Dashboard() {
  const role = getSession()?.user.role;
  const seesFigures = role === "admin" || role === "manager";
  const queries = useQueryClient();
  const currency = useCurrency();
  const locations = useLocations();
  const all = locations.data?.items ?? [];
  const [locationId, setLocationId] = useLocationChoice();
  const [everywhere, setEverywhere] = useState(false);
  const scopeId = everywhere ? "" : locationId;
  const timeZone = timeZoneOf(all, scopeId);
  const today = useBusinessToday(timeZone);
  const period = salesWindow(today);
  const ready = locations.isSuccess && (everywhere || locationId !== "");

  const salesKey = ["analytics", "sales", scopeId, period.startDate, period.endDate];
  const sales = useQuery({
    queryKey: salesKey,
    queryFn: () => apiFetch<SalesAnalytics>(withQuery("/api/v1/analytics/sales", { ...period, locationId: scopeId, top: 5 })),
    enabled: ready && seesFigures,
  });
  const feedKey = ["sales-feed", scopeId];
  const feed = useQuery({
    queryKey: feedKey,
    queryFn: async () => feedFromLedger((await apiFetch<Page<LedgerRow>>(withQuery("/api/v1/transactions", { type: "sale", locationId: scopeId, limit: 50 }))).items),
    enabled: ready,
  });

  const refetch = useRef<ReturnType<typeof setTimeout> | null>(null);
  useEffect(() => () => void (refetch.current && clearTimeout(refetch.current)), []);
  function onSale(sale: SaleRecorded) {
    queries.setQueryData<FeedSale[]>(feedKey, (list) => addToFeed(list ?? [], sale));
    if (!seesFigures) return;
    const saleDate = businessDate(new Date(sale.occurredAt), timeZoneOf(all, sale.locationId));
    queries.setQueryData<SalesAnalytics>(salesKey, (figures) => (figures ? mergeSale(figures, sale, saleDate) : figures));
    refetch.current ??= setTimeout(() => {
      refetch.current = null;
      void queries.invalidateQueries({ queryKey: ["analytics", "sales", scopeId] });
    }, refetchAfterSaleMs);
  }
  const scope: SalesScope = !ready ? [] : scopeId ? [scopeId] : role === "admin" ? "organization" : all.map((l) => l.id);
  const live = useLiveSales(scope, onSale);

  const picker = (
    <div className="scope">
      <label htmlFor="dashboard-location">Location</label>
      <select
        id="dashboard-location"
        value={scopeId}
        onChange={(e) => {
          setEverywhere(e.target.value === "");
          if (e.target.value) setLocationId(e.target.value);
        }}
      >
        {seesFigures && all.length > 1 && <option value="">All locations</option>}
        <LocationOptions locations={all} />
      </select>
    </div>
  );

  if (locations.isSuccess && all.length === 0) {
    return (
      <Shell title="Dashboard">
        <Empty>
          There are no locations yet. {role === "admin" ? <Link to="/locations">Add your first bar or store</Link> : "Ask an admin to add your bar or store."}
        </Empty>
      </Shell>
    );
  }

  return (
    <Shell title="Dashboard" actions={picker}>
      <Problem error={locations.error} />
      {seesFigures && (
        <>
          <Problem error={sales.error} />
          {sales.isLoading && <Loading what="Adding up the sales…" />}
          {sales.data && <SalesPanel analytics={sales.data} today={today} currency={currency} />}
        </>
      )}
      <div className="dash-grid">
        <div>
          <Problem error={feed.error} />
          {feed.isLoading ? (
            <Loading what="Loading the latest sales…" />
          ) : (
            <LatestSales
              sales={feed.data ?? []}
              live={live}
              showMoney={seesFigures}
              currency={currency}
              locationName={scopeId ? undefined : (id) => all.find((l) => l.id === id)?.name}
            />
          )}
        </div>
        <div>
          {scopeId ? (
            <LowStock locationId={scopeId} />
          ) : (
            <section>
              <h2>Below par</h2>
              <Empty>Choose one location above to see what is below par there.</Empty>
            </section>
          )}
          {seesFigures && <ComplianceAlerts />}
        </div>
      </div>
    </Shell>
  );
}
