import { useSearchParams } from "react-router-dom";
import { getSession } from "../api/client";
import { LocationPicker, useLocationChoice } from "../components/LocationPicker";
import { Shell } from "../layout/Shell";
import { NewSession } from "./countSessions/NewSession";
import { SessionList } from "./countSessions/SessionList";
import { SessionView } from "./countSessions/SessionView";
import "./CountSessions.css";

/**
 * The closing count of a whole bar, area by area: a manager opens it as of a moment, each counter takes an area on a
 * phone, and the manager completes it once every area is finished. The session is in the address, so a link to it
 * can be sent to the people counting.
 */
export default function CountSessions() {
  const [locationId, setLocationId] = useLocationChoice();
  const [params, setParams] = useSearchParams();
  const sessionId = params.get("session");
  const role = getSession()?.user.role;
  const canManage = role === "admin" || role === "manager";
  const open = (id: string) => setParams({ session: id });

  return (
    <Shell title="Count sessions">
      {sessionId ? (
        <SessionView id={sessionId} canManage={canManage} onBack={() => setParams({})} />
      ) : (
        <>
          <div className="filters">
            <LocationPicker value={locationId} onChange={setLocationId} />
          </div>
          {canManage && locationId && <NewSession locationId={locationId} onOpened={(s) => open(s.id)} />}
          {locationId && <SessionList locationId={locationId} onOpen={open} />}
        </>
      )}
    </Shell>
  );
}
