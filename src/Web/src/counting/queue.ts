import { createStore, get, update, type UseStore } from "idb-keyval";
import { ApiError } from "../api/client";
import type { OpenBottle } from "./openBottle";
import type { CountReceipt } from "../api/counting";

// Every count is written to IndexedDB before it is sent, so a dropped connection, a closed tab or
// a flat battery never loses it. Each count carries one id made when it was saved; it is sent as the
// Idempotency-Key, so a resend after a lost answer is replayed by the Api instead of applied twice.
// Where the signed-in person may send batches (managers, admins), counts go up to `batchLimit` to a
// request: a batch is named once, its id kept on its counts, and resent whole under that id, so a lost
// answer is replayed too (a starter organisation has 1,000 calls an hour; a night's count is 400 items).

export interface CountDraft {
  itemId: string;
  locationId: string;
  productId: string;
  name: string;
  sku: string;
  /** The count, whole and open bottles together (what the screen shows; the Api measures the open ones itself). */
  quantity: number;
  /** Whole bottles, when open bottles are sent to be measured. */
  units?: number;
  open?: OpenBottle[];
  notes: string;
  /** The quantity on record when the count was saved, for the variance shown before it syncs. */
  onRecord: number;
  /** Who counted: a count waits for that person's sign-in, never another's. */
  userId: string;
}

export interface QueuedCount extends CountDraft {
  id: string;
  countedAt: string;
  /** waiting: will be sent; failed: the Api refused it and a person has to look at it. */
  status: "waiting" | "failed";
  attempts: number;
  /** The last failure, in plain words. */
  error?: string;
  /** The batch this count was sent in; it goes again in that batch, under the same Idempotency-Key. */
  batchId?: string;
}

/** A count's row in a batch's report: the item's quantity after it and the variance it recorded. */
export interface RowReceipt {
  itemId: string;
  quantity: number;
  variance: number;
}

/** One batch row's outcome, in the order the counts were sent. */
export type BatchRowOutcome = { applied: true; receipt: RowReceipt } | { applied: false; error: string };

/**
 * - changed: the queue's contents changed;
 * - synced: one count is applied (its receipt);
 * - settled: a request's worth of counts is through, so lists of these locations may be read again once.
 */
export type QueueChange =
  | { kind: "changed" }
  | { kind: "synced"; entry: QueuedCount; receipt: CountReceipt | RowReceipt }
  | { kind: "settled"; locationIds: string[] };

export interface SyncOutcome {
  synced: number;
  failed: number;
  /** A count could not be sent for now (network, server busy); the rest wait behind it. */
  stalled: boolean;
}

export type SendCount = (entry: QueuedCount) => Promise<CountReceipt>;

/** Sends counts as one request under one Idempotency-Key; answers each count's outcome in order. */
export type SendBatch = (entries: QueuedCount[], batchId: string) => Promise<BatchRowOutcome[]>;

/** Counts to a request: 400 counts are four calls. The Api takes up to 5,000 rows; a smaller batch keeps each answer quick on a phone. */
export const batchLimit = 100;

const queueKey = "counts";

/** Whether a failure is worth sending again later (no network, a busy or failing server, a lapsed sign-in, a suspended account). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  // A suspended organisation's counts wait on the phone until it is reactivated; they are not the counter's mistake.
  if (error.code === "ACCOUNT_SUSPENDED") return true;
  return error.status === 0 || error.status === 401 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/** Wait before the next try after `streak` failed syncs in a row: 2 s doubling, at most a minute. */
export function retryDelay(streak: number): number {
  return Math.min(2_000 * 2 ** Math.max(0, streak - 1), 60_000);
}

export class CountQueue {
  private readonly store: UseStore;
  private readonly listeners = new Set<(change: QueueChange) => void>();
  private running: Promise<SyncOutcome> | null = null;
  private rerun = false;

  constructor(
    private readonly send: SendCount,
    database = "ipf-counting",
    private readonly makeId: () => string = () => crypto.randomUUID(),
    /** How to send a batch, asked at each sync (the person signed in decides); none (staff may not batch): each count goes alone. */
    private readonly batchSender: () => SendBatch | undefined = () => undefined,
  ) {
    this.store = createStore(database, "queue");
  }

  /** Every queued count, oldest first. */
  async list(): Promise<QueuedCount[]> {
    return (await get<QueuedCount[]>(queueKey, this.store)) ?? [];
  }

  async enqueue(draft: CountDraft): Promise<QueuedCount> {
    const entry: QueuedCount = { ...draft, id: this.makeId(), countedAt: new Date().toISOString(), status: "waiting", attempts: 0 };
    await update<QueuedCount[]>(queueKey, (entries) => [...(entries ?? []), entry], this.store);
    this.emit({ kind: "changed" });
    return entry;
  }

  /** Removes a count a person has looked at (a refused one); it will not be sent. */
  async dismiss(id: string): Promise<void> {
    await this.remove(id);
    this.emit({ kind: "changed" });
  }

  subscribe(listener: (change: QueueChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The user's counts waiting to be sent. */
  async waiting(userId: string): Promise<number> {
    return (await this.list()).filter((entry) => entry.status === "waiting" && entry.userId === userId).length;
  }

  /**
   * Sends the user's waiting counts, oldest first: in batches when it may, else one at a time. Only one sync runs at a time: a call
   * during a sync joins it, and the sync takes one more pass for counts saved meanwhile.
   */
  sync(userId: string): Promise<SyncOutcome> {
    if (this.running) {
      this.rerun = true;
      return this.running;
    }
    this.running = this.drain(userId).finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async drain(userId: string): Promise<SyncOutcome> {
    const total: SyncOutcome = { synced: 0, failed: 0, stalled: false };
    do {
      this.rerun = false;
      const pass = await this.pass(userId);
      total.synced += pass.synced;
      total.failed += pass.failed;
      total.stalled = pass.stalled;
    } while (this.rerun && !total.stalled);
    return total;
  }

  private async pass(userId: string): Promise<SyncOutcome> {
    const sendBatch = this.batchSender();
    return sendBatch ? this.batchPass(userId, sendBatch) : this.singlePass(userId);
  }

  private async batchPass(userId: string, sendBatch: SendBatch): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { synced: 0, failed: 0, stalled: false };
    for (;;) {
      const batch = await this.nextBatch(userId);
      if (batch.length === 0) return outcome;
      let results: BatchRowOutcome[];
      try {
        results = await sendBatch(batch, batch[0].batchId!);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        const retry = isRetryable(error);
        const ids = new Set(batch.map((entry) => entry.id));
        await update<QueuedCount[]>(
          queueKey,
          (entries) =>
            (entries ?? []).map((entry) =>
              ids.has(entry.id) ? { ...entry, attempts: entry.attempts + 1, error: message, ...(retry ? {} : { status: "failed" as const }) } : entry,
            ),
          this.store,
        );
        this.emit({ kind: "changed" });
        if (retry) return { ...outcome, stalled: true };
        outcome.failed += batch.length;
        continue;
      }
      // One write for the whole batch: the applied counts leave, the refused ones wait for a person.
      const byId = new Map(batch.map((entry, index) => [entry.id, results[index]]));
      await update<QueuedCount[]>(
        queueKey,
        (entries) =>
          (entries ?? []).flatMap((entry) => {
            const result = byId.get(entry.id);
            if (!byId.has(entry.id)) return [entry];
            if (result?.applied) return [];
            return [{ ...entry, status: "failed" as const, attempts: entry.attempts + 1, error: result?.error ?? "The Api did not report this count." }];
          }),
        this.store,
      );
      batch.forEach((entry, index) => {
        const result = results[index];
        if (result?.applied) {
          outcome.synced++;
          this.emit({ kind: "synced", entry, receipt: result.receipt });
        } else {
          outcome.failed++;
        }
      });
      this.emit({ kind: "changed" });
      this.emit({ kind: "settled", locationIds: [...new Set(batch.map((entry) => entry.locationId))] });
    }
  }

  /** A batch sent before (its answer lost) goes again whole; otherwise the oldest waiting counts, named as a new batch. */
  private async nextBatch(userId: string): Promise<QueuedCount[]> {
    const waiting = (await this.list()).filter((entry) => entry.status === "waiting" && entry.userId === userId);
    const sentBefore = waiting.find((entry) => entry.batchId)?.batchId;
    if (sentBefore) return waiting.filter((entry) => entry.batchId === sentBefore);
    const batch = waiting.slice(0, batchLimit);
    if (batch.length === 0) return batch;
    const batchId = this.makeId();
    const ids = new Set(batch.map((entry) => entry.id));
    await update<QueuedCount[]>(queueKey, (entries) => (entries ?? []).map((entry) => (ids.has(entry.id) ? { ...entry, batchId } : entry)), this.store);
    return batch.map((entry) => ({ ...entry, batchId }));
  }

  private async singlePass(userId: string): Promise<SyncOutcome> {
    const outcome: SyncOutcome = { synced: 0, failed: 0, stalled: false };
    for (;;) {
      const next = (await this.list()).find((entry) => entry.status === "waiting" && entry.userId === userId);
      if (!next) return outcome;
      try {
        const receipt = await this.send(next);
        await this.remove(next.id);
        outcome.synced++;
        this.emit({ kind: "synced", entry: next, receipt });
        this.emit({ kind: "settled", locationIds: [next.locationId] });
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (isRetryable(error)) {
          // Later counts wait behind this one: a count of the same bottle must not overtake an earlier one.
          await this.patch(next.id, { attempts: next.attempts + 1, error: message });
          this.emit({ kind: "changed" });
          return { ...outcome, stalled: true };
        }
        await this.patch(next.id, { status: "failed", attempts: next.attempts + 1, error: message });
        outcome.failed++;
        this.emit({ kind: "changed" });
      }
    }
  }

  private remove(id: string): Promise<void> {
    return update<QueuedCount[]>(queueKey, (entries) => (entries ?? []).filter((entry) => entry.id !== id), this.store);
  }

  private patch(id: string, changes: Partial<QueuedCount>): Promise<void> {
    return update<QueuedCount[]>(queueKey, (entries) => (entries ?? []).map((entry) => (entry.id === id ? { ...entry, ...changes } : entry)), this.store);
  }

  private emit(change: QueueChange) {
    this.listeners.forEach((listener) => listener(change));
  }
}
