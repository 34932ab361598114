import { Link } from "react-router-dom";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import type { ComplianceStatus } from "../../api/compliance";
import { reportLink } from "../../compliance/links";
import { expiryText } from "../../compliance/periods";
import { Done, Empty, Loading, Problem } from "../../components/Status";

const overallWords: Record<ComplianceStatus["overall"], string> = {
  ok: "All in order",
  attention: "Needs attention soon",
  action_required: "Action required now",
};

/** The whole picture: one overall word, licences needing attention, and each location's reports due. */
export function StatusPanel({ isAdmin }: { isAdmin: boolean }) {
  const queries = useQueryClient();
  const status = useQuery({ queryKey: ["compliance", "status"], queryFn: () => apiFetch<ComplianceStatus>("/api/v1/compliance/status") });
  const check = useMutation({
    mutationFn: () => apiFetch<{ raised: unknown[] }>("/api/v1/compliance/checks", { method: "POST" }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["compliance"] }),
  });
  if (status.isLoading) return <Loading what="Checking licences and filings…" />;
  if (!status.data) return <Problem error={status.error} />;
  const s = status.data;
  const owed = s.locations.flatMap((l) => l.reports.filter((r) => r.status !== "submitted").map((r) => ({ ...r, location: l.name })));
  const upcoming = s.locations.flatMap((l) => l.upcoming.map((u) => ({ ...u, location: l.name })));

  return (
    <div>
      <p className={`overall ${s.overall}`} role="status" data-figure="overall">
        {overallWords[s.overall]}
      </p>
      <div className="tiles">
        <div className="tile">
          Licences valid<strong>{s.licenses.valid}</strong>
        </div>
        <div className="tile">
          Expiring<strong>{s.licenses.expiring}</strong>
        </div>
        <div className="tile">
          Expired<strong>{s.licenses.expired}</strong>
        </div>
        <div className="tile">
          Open alerts<strong>{s.openAlerts}</strong>
        </div>
      </div>

      <h2>Licences needing attention</h2>
      {s.licenses.needingAttention.length === 0 ? (
        <Empty>No licence is expiring or expired.</Empty>
      ) : (
        <ul className="attention" aria-label="Licences needing attention">
          {s.licenses.needingAttention.map((l) => (
            <li key={l.id} className={l.status}>
              <strong>{l.licenseType}</strong> {l.licenseNumber} ({l.issuingAuthority}): {expiryText(l.daysToExpiry)}, {l.expiresOn}
            </li>
          ))}
        </ul>
      )}

      <h2>ABC reports owed</h2>
      {owed.length === 0 ? (
        <Empty>Every finished period has its report filed.</Empty>
      ) : (
        <table aria-label="ABC reports owed">
          <thead>
            <tr>
              <th scope="col">Location</th>
              <th scope="col">Period</th>
              <th scope="col">Due</th>
              <th scope="col">Status</th>
              <th scope="col">Report</th>
            </tr>
          </thead>
          <tbody>
            {owed.map((r) => (
              <tr key={`${r.location}-${r.periodStart}`} className={r.status === "overdue" ? "negative" : "low"}>
                <td>{r.location}</td>
                <td>
                  {r.periodStart} to {r.periodEnd}
                </td>
                <td title={r.dueRule}>{r.dueOn}</td>
                <td>{r.status === "overdue" ? `overdue ${-r.daysLeft} d` : `due in ${r.daysLeft} d`}</td>
                <td>{r.reportId ? <Link to={reportLink(r.reportId)}>Review the draft</Link> : "not drafted yet"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      {upcoming.length > 0 && (
        <>
          <h2>Other filings coming up</h2>
          <ul className="attention">
            {upcoming.map((u) => (
              <li key={`${u.location}-${u.form}-${u.dueOn}`}>
                {u.location}: <strong>{u.title}</strong> ({u.authority}), due {u.dueOn}
              </li>
            ))}
          </ul>
        </>
      )}

      <p className="muted">
        As of {new Date(s.asOf).toLocaleString()}
        {s.lastCheckedAt ? ` · last daily check ${new Date(s.lastCheckedAt).toLocaleString()}` : ""}
      </p>
      {isAdmin && (
        <>
          <button type="button" className="secondary inline" disabled={check.isPending} onClick={() => check.mutate()}>
            {check.isPending ? "Checking…" : "Run the daily check now"}
          </button>
          <Problem error={check.error} />
          {check.isSuccess && <Done>Checked. {check.data.raised.length} new alert(s).</Done>}
        </>
      )}
    </div>
  );
}
