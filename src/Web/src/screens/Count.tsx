import { useEffect, useState, type FormEvent } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { ApiError, apiFetch, getSession } from "../api/client";
import type { InventoryItem, Page } from "../api/types";
import { Shell, useOnline } from "../layout/Shell";
import { LocationPicker, useLocationChoice } from "../components/LocationPicker";
import { Done, Empty, Loading, Problem } from "../components/Status";
import { useLiveInventory } from "../live/useLiveInventory";
import { useSettled } from "../components/useSettled";
import { CountPanel } from "../counting/CountPanel";
import { ImportSheet } from "../counting/ImportSheet";
import { PendingCounts, SyncStatus } from "../counting/PendingCounts";
import { Scanner } from "../counting/Scanner";
import { itemForBarcode } from "../counting/barcode";
import { fetchWholeList, keptListIsWhole, resultLimit, searchOffline, searchPath } from "../counting/search";
import { useCountQueue } from "../counting/useCountQueue";
import { signed } from "../counting/variance";
import "./Count.css";

interface Saved {
  id: string;
  name: string;
  quantity: number;
  expectedVariance: number;
}

export default function Count() {
  const [locationId, setLocationId] = useLocationChoice();
  const [selected, setSelected] = useState<InventoryItem | null>(null);
  const [saved, setSaved] = useState<Saved | null>(null);
  const counts = useCountQueue();
  const role = getSession()?.user.role;
  useLiveInventory(locationId);
  useEffect(() => setSelected(null), [locationId]);

  function pick(item: InventoryItem) {
    setSelected(item);
    setSaved(null);
    window.scrollTo({ top: 0 });
  }

  async function save(count: { quantity: number; notes: string; onRecord: number }) {
    if (!selected) return;
    const entry = await counts.save({
      itemId: selected.id,
      locationId: selected.locationId,
      productId: selected.productId,
      name: selected.name,
      sku: selected.sku,
      ...count,
    });
    setSaved({ id: entry.id, name: entry.name, quantity: entry.quantity, expectedVariance: count.quantity - count.onRecord });
    setSelected(null);
    window.scrollTo({ top: 0 });
  }

  const receipt = saved && counts.receipts[saved.id];
  const waitingHere = selected ? (counts.entries ?? []).filter((e) => e.itemId === selected.id && e.status === "waiting") : [];
  return (
    <Shell title="Count">
      <div className="count-mode">
        <SyncStatus entries={counts.entries} onRetry={counts.retry} />
        <div className="filters">
          <LocationPicker value={locationId} onChange={setLocationId} />
        </div>
        {saved && (
          <Done>
            {saved.name} counted at {saved.quantity}: variance {signed(receipt ? receipt.variance : saved.expectedVariance)}
            {receipt ? ", saved." : ", saved on this phone; it syncs with the next counts, or when the connection allows."}
          </Done>
        )}
        {selected ? (
          <CountPanel key={selected.id} item={selected} waiting={waitingHere} onSave={save} onCancel={() => setSelected(null)} />
        ) : (
          <Finder locationId={locationId} onPick={pick} />
        )}
        {counts.entries && <PendingCounts entries={counts.entries} onDismiss={(id) => void counts.dismiss(id)} />}
        {role !== "staff" && locationId && <ImportSheet locationId={locationId} />}
      </div>
    </Shell>
  );
}

/** Search by name or SKU (the Api's search, or the kept list when offline), or a scanned or typed barcode. */
function Finder({ locationId, onPick }: { locationId: string; onPick: (item: InventoryItem) => void }) {
  const [search, setSearch] = useState("");
  const q = useSettled(search);
  const online = useOnline();
  const kept = useQuery({
    queryKey: ["inventory", locationId, "all"],
    queryFn: () => fetchWholeList(locationId),
    enabled: locationId !== "",
    staleTime: 60_000,
  });
  const local = !!kept.data && keptListIsWhole(kept.data);
  const server = useQuery({
    queryKey: ["inventory", locationId, "count-search", q],
    queryFn: () => apiFetch<Page<InventoryItem>>(searchPath(locationId, q)),
    enabled: locationId !== "" && online && !local,
    placeholderData: keepPreviousData,
    retry: 1,
  });
  const unreachable = server.error instanceof ApiError && server.error.status === 0;
  const offline = !online || unreachable;
  const results = offline || local ? kept.data && searchOffline(kept.data.items, q) : server.data;

  return (
    <section aria-label="Search or scan">
      <div className="finder">
        <div>
          <label htmlFor="count-search">Find a product</label>
          <input id="count-search" type="search" value={search} placeholder="Name or SKU" autoComplete="off" onChange={(e) => setSearch(e.target.value)} />
        </div>
        <BarcodeFinder locationId={locationId} onPick={onPick} />
      </div>
      {offline && (
        <p className="muted">
          {kept.data ? "Offline: searching the list of this location kept on this phone." : "Offline, and this location's list has not loaded yet. Search returns when the connection does."}
        </p>
      )}
      {!offline && !local && <Problem error={server.error} />}
      {!results && !offline && locationId && (server.isLoading || kept.isLoading) && <Loading />}
      {results && results.items.length === 0 && (
        <Empty>{q ? `Nothing here matches “${q}”. Try part of the name or the SKU, or scan the barcode.` : "Nothing is stocked at this location yet. A manager can add products on the Inventory screen."}</Empty>
      )}
      {results && results.items.length > 0 && (
        <>
          <ul className="results" aria-label="Search results">
            {results.items.map((item) => (
              <li key={item.id}>
                <button type="button" className="secondary result" data-product-id={item.productId} onClick={() => onPick(item)}>
                  <span className="result-name">{item.name}</span>
                  <span className="result-detail">
                    {item.sku} · {item.quantity} on record
                  </span>
                </button>
              </li>
            ))}
          </ul>
          {results.pagination.total > results.items.length && (
            <p className="muted">
              The first {resultLimit} of {results.pagination.total}. Type more of the name to narrow it.
            </p>
          )}
        </>
      )}
    </section>
  );
}

function BarcodeFinder({ locationId, onPick }: { locationId: string; onPick: (item: InventoryItem) => void }) {
  const [scanning, setScanning] = useState(false);
  const [barcode, setBarcode] = useState("");
  const [looking, setLooking] = useState(false);
  const [problem, setProblem] = useState("");

  async function find(code: string) {
    setScanning(false);
    setLooking(true);
    setProblem("");
    try {
      onPick(await itemForBarcode(code, locationId));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setLooking(false);
    }
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (barcode.trim() === "") setProblem("Type the digits under the barcode, or open the camera.");
    else void find(barcode);
  }

  return (
    <div className="barcode">
      {scanning ? (
        <Scanner onCode={(code) => void find(code)} onClose={() => setScanning(false)} />
      ) : (
        <button type="button" className="secondary" onClick={() => setScanning(true)}>
          Scan a barcode
        </button>
      )}
      <form onSubmit={submit} className="barcode-typed">
        <label htmlFor="count-barcode">Barcode</label>
        <div className="inline">
          <input id="count-barcode" type="text" inputMode="numeric" autoComplete="off" value={barcode} onChange={(e) => setBarcode(e.target.value)} />
          <button type="submit" disabled={looking}>
            {looking ? "Looking…" : "Find"}
          </button>
        </div>
      </form>
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
    </div>
  );
}
