import "fake-indexeddb/auto";
import { describe, expect, it, vi } from "vitest";
import { ApiError } from "../api/client";
import type { CountReceipt } from "../api/counting";
import { batchLimit, CountQueue, isRetryable, retryDelay, type BatchRowOutcome, type CountDraft, type QueuedCount, type SendBatch } from "./queue";

let databases = 0;
const freshDatabase = () => `counting-test-${++databases}`;

const draft = (itemId: string, quantity: number, userId = "dana"): CountDraft => ({
  itemId,
  locationId: "bar",
  productId: `p-${itemId}`,
  name: itemId,
  sku: itemId.toUpperCase(),
  quantity,
  notes: "",
  onRecord: 12,
  userId,
});

const receiptFor = (entry: QueuedCount, variance = entry.quantity - entry.onRecord): CountReceipt => ({
  item: { id: entry.itemId, quantity: entry.quantity } as CountReceipt["item"],
  variance,
  movementId: `m-${entry.id}`,
});

/** The Api's side of an Idempotency-Key: the first request applies, a resend answers the first receipt. */
function fakeApi() {
  const applied = new Map<string, CountReceipt>();
  const quantities = new Map<string, number>();
  return {
    applied,
    quantities,
    apply(entry: QueuedCount): CountReceipt {
      const first = applied.get(entry.id);
      if (first) return first;
      const receipt = receiptFor(entry);
      applied.set(entry.id, receipt);
      quantities.set(entry.itemId, entry.quantity);
      return receipt;
    },
  };
}

const offline = () => new ApiError(0, "NETWORK", "The server could not be reached. Try again shortly.");

describe("CountQueue", () => {
  it("keeps a saved count in IndexedDB, where a new page finds it", async () => {
    const database = freshDatabase();
    const first = new CountQueue(async () => Promise.reject(offline()), database);
    const saved = await first.enqueue(draft("gin", 10));

    vi.resetModules();
    const reloaded = await import("./queue");
    const again = new reloaded.CountQueue(async () => Promise.reject(offline()), database);
    expect(await again.list()).toEqual([saved]);
    expect(saved).toMatchObject({ status: "waiting", attempts: 0, quantity: 10 });
    expect(saved.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("sends waiting counts one at a time, oldest first, each with its own key", async () => {
    const api = fakeApi();
    const sent: string[] = [];
    const queue = new CountQueue(async (entry) => {
      sent.push(`${entry.itemId}=${entry.quantity}`);
      return api.apply(entry);
    }, freshDatabase());
    const saved = [await queue.enqueue(draft("gin", 10)), await queue.enqueue(draft("vodka", 7)), await queue.enqueue(draft("gin", 9))];

    expect(await queue.sync("dana")).toEqual({ synced: 3, failed: 0, stalled: false });
    expect(sent).toEqual(["gin=10", "vodka=7", "gin=9"]);
    expect([...api.applied.keys()]).toEqual(saved.map((entry) => entry.id));
    expect(api.quantities.get("gin")).toBe(9);
    expect(await queue.list()).toEqual([]);
  });

  it("keeps a count that could not reach the server, and the counts behind it, for later", async () => {
    const sent: string[] = [];
    const queue = new CountQueue(async (entry) => {
      sent.push(entry.itemId);
      throw offline();
    }, freshDatabase());
    await queue.enqueue(draft("gin", 11));
    await queue.enqueue(draft("vodka", 7));

    expect(await queue.sync("dana")).toEqual({ synced: 0, failed: 0, stalled: true });
    expect(sent).toEqual(["gin"]);
    const [gin, vodka] = await queue.list();
    expect(gin).toMatchObject({ itemId: "gin", status: "waiting", attempts: 1, error: "The server could not be reached. Try again shortly." });
    expect(vodka).toMatchObject({ itemId: "vodka", status: "waiting", attempts: 0 });
  });

  it("treats a busy or failing server like a lost connection", async () => {
    for (const status of [429, 500, 503]) {
      const queue = new CountQueue(async () => Promise.reject(new ApiError(status, "X", "busy")), freshDatabase());
      await queue.enqueue(draft("gin", 11));
      expect((await queue.sync("dana")).stalled).toBe(true);
      expect((await queue.list())[0].status).toBe("waiting");
    }
  });

  it("marks a refused count failed with the Api's words, keeps it until dismissed, and goes on with the rest", async () => {
    const api = fakeApi();
    const queue = new CountQueue(async (entry) => {
      if (entry.itemId === "gone") throw new ApiError(404, "NOT_FOUND", "Inventory item not found.");
      return api.apply(entry);
    }, freshDatabase());
    const refused = await queue.enqueue(draft("gone", 4));
    await queue.enqueue(draft("vodka", 7));

    expect(await queue.sync("dana")).toEqual({ synced: 1, failed: 1, stalled: false });
    expect(await queue.list()).toEqual([{ ...refused, status: "failed", attempts: 1, error: "Inventory item not found." }]);
    // A failed count is not sent again by later syncs.
    expect(await queue.sync("dana")).toEqual({ synced: 0, failed: 0, stalled: false });

    await queue.dismiss(refused.id);
    expect(await queue.list()).toEqual([]);
  });

  it("counts a resend answered with the first receipt as synced, applied once", async () => {
    const api = fakeApi();
    const keys: string[] = [];
    let answerLost = true;
    const queue = new CountQueue(async (entry) => {
      keys.push(entry.id);
      const receipt = api.apply(entry);
      if (answerLost) {
        // The server applied it; the phone never heard back.
        answerLost = false;
        throw offline();
      }
      return receipt;
    }, freshDatabase());
    const synced: unknown[] = [];
    queue.subscribe((change) => {
      if (change.kind === "synced") synced.push(change.receipt);
    });
    const saved = await queue.enqueue(draft("gin", 10));

    expect((await queue.sync("dana")).stalled).toBe(true);
    expect(await queue.sync("dana")).toEqual({ synced: 1, failed: 0, stalled: false });
    expect(keys).toEqual([saved.id, saved.id]);
    expect(api.applied.size).toBe(1);
    expect(synced).toEqual([api.applied.get(saved.id)]);
    expect(await queue.list()).toEqual([]);
  });

  it("runs one sync at a time: a second call joins the first, and a count saved meanwhile is sent by it", async () => {
    const api = fakeApi();
    let inFlight = 0;
    let most = 0;
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const queue = new CountQueue(async (entry) => {
      inFlight++;
      most = Math.max(most, inFlight);
      await gate;
      inFlight--;
      return api.apply(entry);
    }, freshDatabase());
    await queue.enqueue(draft("gin", 10));

    const first = queue.sync("dana");
    const second = queue.sync("dana");
    expect(second).toBe(first);
    await vi.waitFor(() => expect(inFlight).toBe(1));
    await queue.enqueue(draft("vodka", 7));
    const third = queue.sync("dana");
    release();

    expect(await first).toEqual({ synced: 2, failed: 0, stalled: false });
    expect(await third).toEqual({ synced: 2, failed: 0, stalled: false });
    expect(most).toBe(1);
    expect(api.applied.size).toBe(2);
  });

  it("sends only the signed-in person's counts", async () => {
    const api = fakeApi();
    const queue = new CountQueue(async (entry) => api.apply(entry), freshDatabase());
    await queue.enqueue(draft("gin", 10, "sam"));
    await queue.enqueue(draft("vodka", 7, "dana"));

    expect(await queue.sync("dana")).toEqual({ synced: 1, failed: 0, stalled: false });
    expect((await queue.list()).map((entry) => entry.userId)).toEqual(["sam"]);
  });
});

/** The Api's batch with its Idempotency-Key: a batch applies once, a resend answers the first report. */
function fakeBatchApi() {
  const api = fakeApi();
  const requests: { key: string; ids: string[] }[] = [];
  const reports = new Map<string, BatchRowOutcome[]>();
  const send: SendBatch = async (entries, key) => {
    requests.push({ key, ids: entries.map((entry) => entry.id) });
    const first = reports.get(key);
    if (first) return first;
    const report = entries.map((entry): BatchRowOutcome =>
      entry.quantity < 0
        ? { applied: false, error: "quantity must be between 0 and 100000." }
        : { applied: true, receipt: { itemId: entry.itemId, quantity: api.apply(entry).variance + entry.onRecord, variance: entry.quantity - entry.onRecord } },
    );
    reports.set(key, report);
    return report;
  };
  return { api, requests, send };
}

const noSingleSends = async (): Promise<never> => Promise.reject(new Error("a count went alone"));

describe("CountQueue in batches", () => {
  it("sends 400 counts in four requests of at most 100, oldest first", async () => {
    const { api, requests, send } = fakeBatchApi();
    const queue = new CountQueue(noSingleSends, freshDatabase(), undefined, () => send);
    const saved: QueuedCount[] = [];
    for (let i = 0; i < 400; i++) saved.push(await queue.enqueue(draft(`item-${i}`, i % 30)));
    const settled: string[][] = [];
    queue.subscribe((change) => {
      if (change.kind === "settled") settled.push(change.locationIds);
    });

    expect(await queue.sync("dana")).toEqual({ synced: 400, failed: 0, stalled: false });

    expect(batchLimit).toBe(100);
    expect(requests.map((request) => request.ids.length)).toEqual([100, 100, 100, 100]);
    expect(requests.flatMap((request) => request.ids)).toEqual(saved.map((entry) => entry.id));
    expect(new Set(requests.map((request) => request.key)).size).toBe(4);
    expect(api.applied.size).toBe(400);
    // The location's list is read again once per request, not once per count.
    expect(settled).toEqual([["bar"], ["bar"], ["bar"], ["bar"]]);
    expect(await queue.list()).toEqual([]);
  }, 30_000);

  it("resends a batch whose answer was lost whole, under its first key, and counts saved meanwhile wait for the next", async () => {
    const { api, requests, send } = fakeBatchApi();
    let answerLost = true;
    const queue = new CountQueue(noSingleSends, freshDatabase(), undefined, () => async (entries, key) => {
      const report = await send(entries, key);
      if (answerLost) {
        answerLost = false;
        throw offline();
      }
      return report;
    });
    await queue.enqueue(draft("gin", 10));
    await queue.enqueue(draft("vodka", 7));

    expect((await queue.sync("dana")).stalled).toBe(true);
    const late = await queue.enqueue(draft("rum", 3));
    expect(await queue.sync("dana")).toEqual({ synced: 3, failed: 0, stalled: false });

    expect(requests.map((request) => request.ids.length)).toEqual([2, 2, 1]);
    expect(requests[1].key).toBe(requests[0].key);
    expect(requests[2].ids).toEqual([late.id]);
    expect(api.applied.size).toBe(3);
  });

  it("keeps a row the Api refused for a person to look at, and syncs the rest of its batch", async () => {
    const { send } = fakeBatchApi();
    const queue = new CountQueue(noSingleSends, freshDatabase(), undefined, () => send);
    await queue.enqueue(draft("gin", 10));
    await queue.enqueue(draft("vodka", -1));

    expect(await queue.sync("dana")).toEqual({ synced: 1, failed: 1, stalled: false });
    expect(await queue.list()).toMatchObject([{ itemId: "vodka", status: "failed", error: "quantity must be between 0 and 100000." }]);
  });

  it("keeps a suspended organisation's counts waiting on the phone", async () => {
    const queue = new CountQueue(noSingleSends, freshDatabase(), undefined, () => async () => {
      throw new ApiError(403, "ACCOUNT_SUSPENDED", "Your organisation's account is suspended.");
    });
    await queue.enqueue(draft("gin", 10));

    expect(await queue.sync("dana")).toEqual({ synced: 0, failed: 0, stalled: true });
    expect(await queue.list()).toMatchObject([{ status: "waiting", attempts: 1 }]);
  });
});

describe("retry rules", () => {
  it("retries what may pass later and not what the Api refused", () => {
    expect([0, 401, 408, 429, 500, 503].map((status) => isRetryable(new ApiError(status, "X", "x")))).toEqual([true, true, true, true, true, true]);
    expect([400, 403, 404, 409, 422].map((status) => isRetryable(new ApiError(status, "X", "x")))).toEqual([false, false, false, false, false]);
  });

  it("waits longer after each failed sync, up to a minute", () => {
    expect([1, 2, 3, 4, 5, 6, 7, 20].map(retryDelay)).toEqual([2_000, 4_000, 8_000, 16_000, 32_000, 60_000, 60_000, 60_000]);
  });
});
