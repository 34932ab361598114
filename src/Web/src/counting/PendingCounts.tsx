import type { QueuedCount } from "./queue";

/** How many counts wait, always on screen, and a way to try now. */
export function SyncStatus({ entries, onRetry }: { entries: QueuedCount[] | null; onRetry: () => void }) {
  if (!entries) return null;
  const waiting = entries.filter((entry) => entry.status === "waiting").length;
  const failed = entries.length - waiting;
  return (
    <div className="sync-status">
      <p role="status" className={waiting > 0 ? "waiting" : "synced"}>
        {waiting === 0 ? "All counts synced" : `${waiting} ${waiting === 1 ? "count" : "counts"} waiting to sync`}
        {failed > 0 && ` · ${failed} refused`}
      </p>
      {waiting > 0 && (
        <button type="button" className="secondary" onClick={onRetry}>
          Sync now
        </button>
      )}
    </div>
  );
}

/** The counts this phone still holds: waiting ones with the last reason they did not go, refused ones until dismissed. */
export function PendingCounts({ entries, onDismiss }: { entries: QueuedCount[]; onDismiss: (id: string) => void }) {
  if (entries.length === 0) return null;
  return (
    <section aria-labelledby="pending-title">
      <h2 id="pending-title">Counts on this phone</h2>
      <ul className="pending">
        {entries.map((entry) => (
          <li key={entry.id} className={entry.status} data-item-id={entry.itemId}>
            <div>
              <strong>{entry.name}</strong> counted {entry.quantity}
              <span className="muted"> · {new Date(entry.countedAt).toLocaleTimeString([], { hour: "2-digit", minute: "2-digit" })}</span>
            </div>
            {entry.status === "waiting" ? (
              <div className="muted">Waiting to sync{entry.error ? `: ${entry.error}` : "."}</div>
            ) : (
              <>
                <div role="alert" className="error">
                  Not saved: {entry.error}
                </div>
                <button type="button" className="secondary" onClick={() => onDismiss(entry.id)} aria-label={`Dismiss the refused count of ${entry.name}`}>
                  Dismiss
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
