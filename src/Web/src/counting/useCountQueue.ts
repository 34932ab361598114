import { useCallback, useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { apiFetch, getSession, onSessionChange } from "../api/client";
import type { CountReceipt } from "../api/counting";
import { countBody } from "./openBottle";
import { CountQueue, retryDelay, type CountDraft, type QueuedCount } from "./queue";

// One queue and one sync driver for the whole page (not per screen mount), so leaving count mode
// and coming back neither loses the retry timer nor starts a second sync.

const queue = new CountQueue((entry) =>
  apiFetch<CountReceipt>(`/api/v1/inventory/items/${entry.itemId}/count`, {
    method: "PUT",
    body: JSON.stringify(countBody(entry)),
    idempotencyKey: entry.id,
  }),
);

let started = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failedSyncs = 0;

/** Sends what waits now; after a sync that could not get through, tries again later, waiting longer each time. */
function syncNow(): void {
  const userId = getSession()?.user.id;
  if (!userId) return;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  void queue.sync(userId).then((outcome) => {
    if (!outcome.stalled) {
      failedSyncs = 0;
      return;
    }
    failedSyncs++;
    if (retryTimer) clearTimeout(retryTimer);
    retryTimer = setTimeout(syncNow, retryDelay(failedSyncs));
  });
}

/** Starts the page's sync driver (once): the Shell calls it, so counts left waiting sync from any screen. */
export function startSyncing(): void {
  if (started) return;
  started = true;
  window.addEventListener("online", () => {
    failedSyncs = 0;
    syncNow();
  });
  // A sign-in after a lapsed session picks up the counts made before it.
  onSessionChange(syncNow);
  syncNow();
}

export interface CountQueueView {
  /** The signed-in person's queued counts, oldest first (waiting and failed); null until read. */
  entries: QueuedCount[] | null;
  /** Receipts of the counts synced while this page is open, by count id. */
  receipts: Record<string, CountReceipt>;
  save(draft: Omit<CountDraft, "userId">): Promise<QueuedCount>;
  dismiss(id: string): Promise<void>;
  /** Try now rather than at the next timed retry. */
  retry(): void;
}

export function useCountQueue(): CountQueueView {
  const queries = useQueryClient();
  const [all, setAll] = useState<QueuedCount[] | null>(null);
  const [receipts, setReceipts] = useState<Record<string, CountReceipt>>({});

  useEffect(() => {
    let open = true;
    const read = () => void queue.list().then((entries) => open && setAll(entries));
    const stop = queue.subscribe((change) => {
      read();
      if (change.kind === "synced") {
        setReceipts((known) => ({ ...known, [change.entry.id]: change.receipt }));
        void queries.invalidateQueries({ queryKey: ["inventory", change.entry.locationId] });
      }
    });
    read();
    startSyncing();
    return () => {
      open = false;
      stop();
    };
  }, [queries]);

  const save = useCallback(async (draft: Omit<CountDraft, "userId">) => {
    const userId = getSession()?.user.id;
    if (!userId) throw new Error("Please sign in again to save counts.");
    const entry = await queue.enqueue({ ...draft, userId });
    failedSyncs = 0;
    syncNow();
    return entry;
  }, []);

  const dismiss = useCallback((id: string) => queue.dismiss(id), []);
  const retry = useCallback(() => {
    failedSyncs = 0;
    syncNow();
  }, []);

  const userId = getSession()?.user.id;
  const entries = all && all.filter((entry) => entry.userId === userId);
  return { entries, receipts, save, dismiss, retry };
}
