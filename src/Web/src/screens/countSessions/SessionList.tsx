import { stageText, type CountSession } from "../../api/countSessions";
import { usePagedList } from "../../api/usePagedList";
import { PagedRecords } from "../../components/PagedRecords";

/** The location's count sessions, newest snapshot first, each with where it stands. */
export function SessionList({ locationId, onOpen }: { locationId: string; onOpen: (id: string) => void }) {
  const sessions = usePagedList<CountSession>({ queryKey: ["count-sessions", locationId], path: "/api/v1/count-sessions", filters: { locationId }, limit: 20 });
  return (
    <section aria-labelledby="sessions-title">
      <h2 id="sessions-title">Counts at this location</h2>
      <PagedRecords paged={sessions} noun="counts" loading="Loading counts…" empty="No count has been opened here yet.">
        {(items) => (
          <ul className="records" aria-label="Count sessions">
            {items.map((s) => (
              <li key={s.id} className={s.status === "open" ? undefined : "revoked"}>
                <div className="record-title">
                  <button type="button" className="link" onClick={() => onOpen(s.id)}>
                    {s.name}
                  </button>{" "}
                  <span className={`badge ${s.status}`}>{s.status}</span>
                </div>
                <div className="record-meta">
                  As of {new Date(s.snapshotAt).toLocaleString()} · {s.areas.map((a) => a.name).join(", ")}
                </div>
                <div className="record-meta">{stageText(s)}</div>
              </li>
            ))}
          </ul>
        )}
      </PagedRecords>
    </section>
  );
}
