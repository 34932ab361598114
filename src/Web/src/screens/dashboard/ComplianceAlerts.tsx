import { useEffect } from "react";
import { Link } from "react-router-dom";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import type { ComplianceAlert } from "../../api/compliance";
import type { Page } from "../../api/types";
import { Empty, Problem } from "../../components/Status";
import { onEvent } from "../../live/hub";

/** The open compliance alerts (licences, filings), newest first; managers and admins only. */
export function ComplianceAlerts() {
  const queries = useQueryClient();
  const alerts = useQuery({
    queryKey: ["compliance", "alerts", "dashboard"],
    queryFn: () => apiFetch<Page<ComplianceAlert>>("/api/v1/compliance/alerts?open=true&limit=5"),
  });
  useEffect(() => onEvent("alert:compliance", () => void queries.invalidateQueries({ queryKey: ["compliance", "alerts"] })), [queries]);

  const total = alerts.data?.pagination.total ?? 0;
  return (
    <section aria-labelledby="compliance-heading">
      <h2 id="compliance-heading">Compliance alerts</h2>
      <Problem error={alerts.error} />
      {alerts.data && total === 0 && <Empty>No open compliance alerts: licences and filings are in order.</Empty>}
      {alerts.data && total > 0 && (
        <ul className="alerts" aria-label="Open compliance alerts">
          {alerts.data.items.map((a) => (
            <li key={a.id} className={a.kind.endsWith("expired") || a.kind.endsWith("overdue") ? "urgent" : undefined}>
              <strong>{a.subject}</strong> {a.message}
            </li>
          ))}
        </ul>
      )}
      {total > 0 && (
        <p>
          <Link to="/compliance?section=alerts">{total > 5 ? `See all ${total} in Compliance` : "Open Compliance to acknowledge"}</Link>
        </p>
      )}
    </section>
  );
}
