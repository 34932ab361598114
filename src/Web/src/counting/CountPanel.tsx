import { useEffect, useId, useState, type FormEvent } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import type { InventoryItem, InventoryUpdated } from "../api/types";
import { onEvent } from "../live/hub";
import type { QueuedCount } from "./queue";
import type { OpenBottle } from "./openBottle";
import { OpenBottleInput } from "./OpenBottleInput";
import { useBottleCount } from "./useBottleCount";
import { signed, step } from "./variance";

const steps = [-6, -1, 1, 6];

/** The quantity on record for one item, fresh when opened and moved by live events while it is open. */
function useOnRecord(item: InventoryItem): number {
  const queries = useQueryClient();
  const live = useQuery({
    queryKey: ["count-item", item.id],
    queryFn: () => apiFetch<InventoryItem>(`/api/v1/inventory/items/${item.id}`),
    initialData: item,
    initialDataUpdatedAt: 0,
    retry: false,
  });
  useEffect(
    () =>
      onEvent<InventoryUpdated>("inventory:updated", (event) => {
        if (event.locationId !== item.locationId || event.productId !== item.productId) return;
        queries.setQueryData<InventoryItem>(["count-item", item.id], (known) => known && { ...known, quantity: event.newQuantity });
      }),
    [item, queries],
  );
  return live.data.quantity;
}

export interface CountPanelProps {
  item: InventoryItem;
  /** Counts of this item saved on this device that have not synced yet. */
  waiting: QueuedCount[];
  onSave: (count: { quantity: number; units?: number; open?: OpenBottle[]; notes: string; onRecord: number }) => Promise<void>;
  onCancel: () => void;
}

export function CountPanel({ item, waiting, onSave, onCancel }: CountPanelProps) {
  const onRecord = useOnRecord(item);
  const { typed, setTyped, whole, open, openProblem, counted, input } = useBottleCount(item.productId, String(Math.max(0, Math.floor(item.quantity))));
  const [notes, setNotes] = useState("");
  const [problem, setProblem] = useState("");
  const [saving, setSaving] = useState(false);
  const id = useId();

  async function save(event: FormEvent) {
    event.preventDefault();
    if (whole === null) {
      setProblem("Enter the full bottles as a whole number, from 0 to 100000, and the open one below.");
      return;
    }
    if (openProblem || counted === null) {
      setProblem(openProblem ?? "The open bottle cannot be measured.");
      return;
    }
    setSaving(true);
    setProblem("");
    try {
      await onSave({ quantity: counted, units: open ? whole : undefined, open: open ? [open] : undefined, notes: notes.trim(), onRecord });
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
      setSaving(false);
    }
  }

  return (
    <form className="count-panel" onSubmit={(e) => void save(e)} aria-labelledby={`${id}-name`} noValidate>
      <h2 id={`${id}-name`}>{item.name}</h2>
      <p className="muted">
        SKU {item.sku} · On record: <strong data-label="on-record">{onRecord}</strong>
        {item.parLevel > 0 && <> · Par {item.parLevel}</>}
      </p>
      {waiting.length > 0 && (
        <p className="muted">
          Counted {waiting[waiting.length - 1].quantity} on this phone, waiting to sync.
        </p>
      )}
      <label htmlFor={`${id}-count`}>Counted</label>
      <input
        id={`${id}-count`}
        className="count-number"
        type="text"
        inputMode="numeric"
        pattern="[0-9]*"
        autoComplete="off"
        value={typed}
        aria-invalid={whole === null}
        aria-describedby={`${id}-variance`}
        onChange={(e) => setTyped(e.target.value)}
      />
      <div className="steppers" role="group" aria-label="Change the count">
        {steps.map((by) => (
          <button key={by} type="button" className="secondary" onClick={() => setTyped(String(step(whole ?? 0, by)))}>
            {signed(by)}
          </button>
        ))}
      </div>
      <OpenBottleInput {...input} />
      <p id={`${id}-variance`} className="muted" aria-live="polite">
        {counted === null
          ? (openProblem ?? "Not a count yet.")
          : `${open ? `Counted ${counted}. ` : ""}Variance ${signed(Math.round((counted - onRecord) * 1e8) / 1e8)} against ${onRecord} on record.`}
      </p>
      <label htmlFor={`${id}-notes`}>Notes (optional)</label>
      <textarea id={`${id}-notes`} rows={2} maxLength={500} value={notes} onChange={(e) => setNotes(e.target.value)} />
      {problem && (
        <p role="alert" className="error">
          {problem}
        </p>
      )}
      <button type="submit" disabled={saving}>
        {saving ? "Saving…" : "Save count"}
      </button>
      <button type="button" className="secondary" onClick={onCancel}>
        Back to search
      </button>
    </form>
  );
}
