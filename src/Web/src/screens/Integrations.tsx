import { Link, useSearchParams } from "react-router-dom";
import { Shell } from "../layout/Shell";
import { Webhooks } from "./integrations/Webhooks";
import { Clients } from "./integrations/Clients";
import { PosIntegrations } from "./integrations/PosIntegrations";
import { Unmapped } from "./integrations/Unmapped";
import "./Admin.css";

const sections = [
  { id: "webhooks", title: "Webhooks", View: Webhooks },
  { id: "clients", title: "Integration clients", View: Clients },
  { id: "pos", title: "POS integrations", View: PosIntegrations },
  { id: "unmapped", title: "Unmapped POS items", View: Unmapped },
] as const;

/** Everything that connects other systems: webhooks out, clients and tills in, and the POS lines nobody matched. */
export default function Integrations() {
  // The section is in the address, so the back button and a shared link land on it.
  const [params] = useSearchParams();
  const current = sections.find((s) => s.id === params.get("section")) ?? sections[0];
  return (
    <Shell title="Integrations">
      <nav className="sections" aria-label="Integration sections">
        {sections.map((section) => (
          <Link key={section.id} to={`?section=${section.id}`} aria-current={section.id === current.id ? "page" : undefined}>
            {section.title}
          </Link>
        ))}
      </nav>
      <current.View />
    </Shell>
  );
}
