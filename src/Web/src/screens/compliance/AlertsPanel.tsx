import { useState } from "react";
import { Link } from "react-router-dom";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { ComplianceAlert } from "../../api/compliance";
import type { Page } from "../../api/types";
import { reportLink } from "../../compliance/links";
import { Pager } from "../../components/Pager";
import { Empty, Loading, Problem } from "../../components/Status";

/** Compliance alerts, open ones first; managers and admins acknowledge them (the Api records who). */
export function AlertsPanel() {
  const queries = useQueryClient();
  const [open, setOpen] = useState(true);
  const [page, setPage] = useState(1);
  const alerts = useQuery({
    queryKey: ["compliance", "alerts", open, page],
    queryFn: () => apiFetch<Page<ComplianceAlert>>(withQuery("/api/v1/compliance/alerts", { open, page, limit: 20 })),
    placeholderData: keepPreviousData,
  });
  const acknowledge = useMutation({
    mutationFn: (id: string) => apiFetch<ComplianceAlert>(`/api/v1/compliance/alerts/${id}/acknowledge`, { method: "POST" }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["compliance"] }),
  });

  return (
    <div>
      <div className="filters">
        <div>
          <label htmlFor="alert-state">Show</label>
          <select
            id="alert-state"
            value={open ? "open" : "closed"}
            onChange={(e) => {
              setOpen(e.target.value === "open");
              setPage(1);
            }}
          >
            <option value="open">Open alerts</option>
            <option value="closed">Acknowledged or resolved</option>
          </select>
        </div>
      </div>
      <Problem error={alerts.error ?? acknowledge.error} />
      {alerts.isLoading && <Loading />}
      {alerts.data && alerts.data.items.length === 0 && (
        <Empty>{open ? "No open alerts. Licence and filing reminders appear here as their dates draw near." : "No acknowledged or resolved alerts yet."}</Empty>
      )}
      {alerts.data && alerts.data.items.length > 0 && (
        <ul className="alert-list" aria-label="Compliance alerts">
          {alerts.data.items.map((a) => (
            <li key={a.id} className={a.kind.endsWith("expired") || a.kind.endsWith("overdue") ? "urgent" : undefined}>
              <div>
                <strong>{a.subject}</strong>
                <p>{a.message}</p>
                {a.reportId && (
                  <p>
                    <Link to={reportLink(a.reportId)}>Review the draft report</Link>
                  </p>
                )}
                <span className="muted">
                  Due {a.dueOn} · raised {new Date(a.raisedAt).toLocaleDateString()}
                  {a.acknowledgedAt && ` · acknowledged ${new Date(a.acknowledgedAt).toLocaleDateString()}`}
                  {a.resolvedAt && ` · resolved ${new Date(a.resolvedAt).toLocaleDateString()}`}
                </span>
              </div>
              {a.open && (
                <button type="button" className="secondary" disabled={acknowledge.isPending} onClick={() => acknowledge.mutate(a.id)}>
                  Acknowledge
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={alerts.data?.pagination} onPage={setPage} noun="alerts" />
    </div>
  );
}
