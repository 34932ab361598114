import { useSearchParams } from "react-router-dom";
import { getSession } from "../api/client";
import { Shell } from "../layout/Shell";
import { StatusPanel } from "./compliance/StatusPanel";
import { LicensesPanel } from "./compliance/LicensesPanel";
import { AlertsPanel } from "./compliance/AlertsPanel";
import { ReportsPanel } from "./compliance/ReportsPanel";
import { TtbPanel } from "./compliance/TtbPanel";
import "./Compliance.css";

const sections = [
  { id: "status", title: "Status" },
  { id: "licences", title: "Licences" },
  { id: "alerts", title: "Alerts" },
  { id: "reports", title: "ABC reports" },
  { id: "ttb", title: "TTB monthly" },
] as const;
type Section = (typeof sections)[number]["id"];

/**
 * Licences, alerts and filings for managers and admins. Only admins may change licences, generate and
 * file reports or run the check (the Api refuses managers), so those controls are shown to admins only.
 */
export default function Compliance() {
  const isAdmin = getSession()?.user.role === "admin";
  // The section is in the address, so a link (or the dashboard) can open the right one.
  const [params, setParams] = useSearchParams();
  const asked = params.get("section");
  const current: Section = sections.some((s) => s.id === asked) ? (asked as Section) : "status";
  // A report alert, its mail and the status table link to one report (compliance/links.ts).
  const report = params.get("report") ?? undefined;

  return (
    <Shell title="Compliance">
      <nav className="sections" aria-label="Compliance sections">
        {sections.map((s) => (
          <button
            key={s.id}
            type="button"
            className={s.id === current ? undefined : "secondary"}
            aria-current={s.id === current ? "page" : undefined}
            onClick={() => setParams({ section: s.id }, { replace: true })}
          >
            {s.title}
          </button>
        ))}
      </nav>
      <section aria-label={sections.find((s) => s.id === current)?.title}>
        {current === "status" && <StatusPanel isAdmin={isAdmin} />}
        {current === "licences" && <LicensesPanel isAdmin={isAdmin} />}
        {current === "alerts" && <AlertsPanel />}
        {current === "reports" && <ReportsPanel isAdmin={isAdmin} focusId={report} />}
        {current === "ttb" && <TtbPanel />}
      </section>
    </Shell>
  );
}
