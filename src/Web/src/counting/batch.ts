import type { BatchReport } from "../api/counting";
import { countBody } from "./openBottle";
import type { BatchRowOutcome, QueuedCount } from "./queue";

// Count mode's counts as rows of POST /inventory/batch (docs/API.md), and the report back as each count's outcome.

/** One count as a batch row: the single count's body (a count, or units and open bottles) under `count`'s name. */
export function batchRow(entry: QueuedCount): object {
  const { quantity, ...rest } = countBody(entry) as { quantity?: number };
  return { itemId: entry.itemId, ...(quantity === undefined ? {} : { count: quantity }), ...rest };
}

/** Each count's outcome, matched by row number (1-based, in the order sent). */
export function rowOutcomes(entries: QueuedCount[], report: BatchReport): BatchRowOutcome[] {
  const byRow = new Map(report.results.map((result) => [result.row, result]));
  return entries.map((entry, index) => {
    const result = byRow.get(index + 1);
    if (result?.applied) {
      return { applied: true, receipt: { itemId: result.itemId ?? entry.itemId, quantity: result.quantity ?? entry.quantity, variance: result.variance ?? 0 } };
    }
    return { applied: false, error: result?.error ?? "The Api did not report this count." };
  });
}
