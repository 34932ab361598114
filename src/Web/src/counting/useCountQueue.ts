import { useCallback, useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import { apiFetch, getSession, onSessionChange } from "../api/client";
import type { BatchReport, CountReceipt } from "../api/counting";
import { countBody } from "./openBottle";
import { batchLimit, CountQueue, retryDelay, type CountDraft, type QueuedCount, type RowReceipt } from "./queue";
import { batchRow, rowOutcomes } from "./batch";

// One queue and one sync driver for the whole page (not per screen mount), so leaving count mode
// and coming back neither loses the retry timer nor starts a second sync.

const sendOne = (entry: QueuedCount) =>
  apiFetch<CountReceipt>(`/api/v1/inventory/items/${entry.itemId}/count`, {
    method: "PUT",
    body: JSON.stringify(countBody(entry)),
    idempotencyKey: entry.id,
  });

const sendBatch = async (entries: QueuedCount[], batchId: string) =>
  rowOutcomes(
    entries,
    await apiFetch<BatchReport>("/api/v1/inventory/batch", { method: "POST", body: JSON.stringify({ rows: entries.map(batchRow) }), idempotencyKey: batchId }),
  );

// Managers and admins may send batches (the Api's batch is theirs); staff send each count alone.
const batching = () => {
  const role = getSession()?.user.role;
  return role === "admin" || role === "manager";
};
const queue = new CountQueue(sendOne, undefined, undefined, () => (batching() ? sendBatch : undefined));

/**
 * At most one batch request this often while counts keep coming: the first count after a pause goes at once (its
 * variance shows straight away), the ones saved soon after share the next request.
 */
export const lingerMs = 10_000;
let lingerTimer: ReturnType<typeof setTimeout> | null = null;
let lastSyncAt = -Infinity;

let started = false;
let retryTimer: ReturnType<typeof setTimeout> | null = null;
let failedSyncs = 0;

/** Sends what waits now; after a sync that could not get through, tries again later, waiting longer each time. */
function syncNow(): void {
  const userId = getSession()?.user.id;
  if (!userId) return;
  if (retryTimer) clearTimeout(retryTimer);
  retryTimer = null;
  if (lingerTimer) clearTimeout(lingerTimer);
  lingerTimer = null;
  const startedAt = Date.now();
  void queue.sync(userId).then((outcome) => {
    // Only a sync that sent something spaces the next one: opening the page with nothing waiting does not.
    if (outcome.synced > 0 || outcome.failed > 0 || outcome.stalled) lastSyncAt = startedAt;
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
  // A phone put away, or a tab left, sends what lingers.
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") syncNow();
  });
  syncNow();
}

/**
 * After a save: send now when counts go alone, a batch is full or no request went for `lingerMs`; else when that
 * time is up, so the counts saved meanwhile share one request.
 */
async function syncSoon(): Promise<void> {
  const userId = getSession()?.user.id;
  if (!userId) return;
  const wait = lastSyncAt + lingerMs - Date.now();
  if (!batching() || wait <= 0 || (await queue.waiting(userId)) >= batchLimit) {
    syncNow();
    return;
  }
  lingerTimer ??= setTimeout(syncNow, wait);
}

export interface CountQueueView {
  /** The signed-in person's queued counts, oldest first (waiting and failed); null until read. */
  entries: QueuedCount[] | null;
  /** Receipts of the counts synced while this page is open, by count id. */
  receipts: Record<string, CountReceipt | RowReceipt>;
  save(draft: Omit<CountDraft, "userId">): Promise<QueuedCount>;
  dismiss(id: string): Promise<void>;
  /** Try now rather than at the next timed retry. */
  retry(): void;
}

export function useCountQueue(): CountQueueView {
  const queries = useQueryClient();
  const [all, setAll] = useState<QueuedCount[] | null>(null);
  const [receipts, setReceipts] = useState<Record<string, CountReceipt | RowReceipt>>({});

  useEffect(() => {
    let open = true;
    const read = () => void queue.list().then((entries) => open && setAll(entries));
    const stop = queue.subscribe((change) => {
      if (change.kind === "synced") {
        setReceipts((known) => ({ ...known, [change.entry.id]: change.receipt }));
      } else if (change.kind === "settled") {
        // Once per request, not per count: a batch of 100 reads the location's list once.
        read();
        change.locationIds.forEach((locationId) => void queries.invalidateQueries({ queryKey: ["inventory", locationId] }));
      } else {
        read();
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
    await syncSoon();
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
