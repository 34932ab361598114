import { useState } from "react";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { linesOf, progressText, totalCounted, unfinishedAreas, type CountSession } from "../../api/countSessions";
import { useProductNames } from "../../api/useProductNames";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormProblem } from "../../components/FormProblem";
import { Done, Loading, Problem } from "../../components/Status";
import { AreaCount } from "./AreaCount";

/** One count: its areas and who finished them, an area to count, and (for a manager) completing or cancelling it. */
export function SessionView({ id, canManage, onBack }: { id: string; canManage: boolean; onBack: () => void }) {
  const queries = useQueryClient();
  // Several people count the areas at once: what they counted shows here within a few seconds.
  const session = useQuery({ queryKey: ["count-session", id], queryFn: () => apiFetch<CountSession>(`/api/v1/count-sessions/${id}`), refetchInterval: 5_000 });
  const [area, setArea] = useState<string | null>(null);
  const names = useProductNames(session.data?.lines.map((l) => l.productId) ?? []);
  const productName = (productId: string) => names(productId) ?? "…";
  const act = useMutation({
    mutationFn: (step: "complete" | "cancel") => apiFetch<CountSession>(`/api/v1/count-sessions/${id}/${step}`, { method: "POST" }),
    onSuccess: (changed) => {
      queries.setQueryData(["count-session", id], changed);
      for (const key of ["count-sessions", "inventory"]) void queries.invalidateQueries({ queryKey: [key] });
    },
  });

  const s = session.data;
  if (!s)
    return (
      <>
        <Problem error={session.error} />
        {session.isLoading && <Loading what="Loading the count…" />}
        <BackButton onBack={onBack} />
      </>
    );
  const areas = [...s.areas].sort((a, b) => a.position - b.position);
  const waiting = unfinishedAreas(s);
  const products = [...new Set(s.lines.map((l) => l.productId))];

  return (
    <div className="count-session">
      <BackButton onBack={onBack} />
      <h2>{s.name}</h2>
      <p className="muted">
        Stock as of {new Date(s.snapshotAt).toLocaleString()} · <span className={`badge ${s.status}`}>{s.status}</span>
      </p>
      <p role="status">{progressText(s)}</p>
      {s.status === "open" && area ? (
        <AreaCount session={s} area={area} productName={productName} onBack={() => setArea(null)} />
      ) : (
        <>
          <table aria-label="Areas">
            <thead>
              <tr>
                <th scope="col">Area</th>
                <th scope="col">Lines</th>
                <th scope="col">Finished</th>
              </tr>
            </thead>
            <tbody>
              {areas.map((a) => (
                <tr key={a.name}>
                  <th scope="row">
                    {s.status === "open" && !a.finishedAt ? (
                      <button type="button" className="secondary" aria-label={`Count ${a.name}`} onClick={() => setArea(a.name)}>
                        {a.name}
                      </button>
                    ) : (
                      a.name
                    )}
                  </th>
                  <td>{linesOf(s, a.name).length}</td>
                  <td>{a.finishedAt ? new Date(a.finishedAt).toLocaleTimeString() : "counting"}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {canManage && s.status === "open" && (
            <div className="form-actions">
              <button type="button" disabled={act.isPending || waiting.length > 0} onClick={() => act.mutate("complete")}>
                Complete count
              </button>
              <ConfirmButton label="Cancel count" question="Cancel this count? Nothing counted in it will be recorded." confirmLabel="Yes, cancel it" busy={act.isPending} onConfirm={() => act.mutate("cancel")} />
            </div>
          )}
          {canManage && s.status === "open" && waiting.length > 0 && <p className="muted">It can be completed once every area is finished.</p>}
          <FormProblem error={act.error} />
          {s.status === "completed" && <Done>Recorded: each product counted is set to its count as of the snapshot, in one count movement.</Done>}
          {products.length > 0 && (
            <table aria-label="Counted, all areas">
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col">Counted</th>
                </tr>
              </thead>
              <tbody>
                {products.map((p) => (
                  <tr key={p}>
                    <th scope="row">{productName(p)}</th>
                    <td>{totalCounted(s, p)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}

function BackButton({ onBack }: { onBack: () => void }) {
  return (
    <button type="button" className="link" onClick={onBack}>
      ← All counts
    </button>
  );
}
