import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
import { NavLink, useNavigate } from "react-router-dom";
import { useQueryClient } from "@tanstack/react-query";
import { getSession, getStanding, onStandingChange, signOut } from "../api/client";
import { screensFor } from "../nav";
import { useLiveState } from "../live/useLiveInventory";

/** The frame around every signed-in screen: the menu the role may use, the connection's state, sign-out. */
export function Shell({ title, children, actions }: { title: string; children: ReactNode; actions?: ReactNode }) {
  const session = getSession();
  const role = session?.user.role;
  const navigate = useNavigate();
  const queries = useQueryClient();
  const [menuOpen, setMenuOpen] = useState(false);
  const online = useOnline();
  const live = useLiveState();

  useEffect(() => {
    document.title = `${title} · Inventory Pro Flow`;
  }, [title]);

  // Counts saved offline sync from whatever screen is open; loaded apart so the first screen stays light.
  useEffect(() => {
    void import("../counting/useCountQueue").then((queue) => queue.startSyncing());
  }, []);

  async function leave() {
    await signOut();
    queries.clear();
    navigate("/sign-in", { replace: true });
  }

  const screens = screensFor(role);
  return (
    <div className="shell">
      <header className="top">
        <button type="button" className="menu-toggle" aria-expanded={menuOpen} aria-controls="menu" onClick={() => setMenuOpen(!menuOpen)}>
          Menu
        </button>
        <span className="brand">Inventory Pro Flow</span>
        <span className={`badge ${!online ? "offline" : live === "live" || live === "reconnecting" ? live : "online"}`} role="status" aria-label="Connection">
          {!online ? "Offline" : live === "live" ? "Live" : live === "reconnecting" ? "Reconnecting" : "Online"}
        </span>
      </header>
      <nav id="menu" className={menuOpen ? "menu open" : "menu"} aria-label="Screens">
        <ul>
          {screens.map((s) => (
            <li key={s.path}>
              <NavLink to={s.path} end onClick={() => setMenuOpen(false)}>
                {s.title}
              </NavLink>
            </li>
          ))}
        </ul>
        <p className="who">
          {session?.user.firstName} {session?.user.lastName} · {role}
        </p>
        <button type="button" className="link" onClick={() => void leave()}>
          Sign out
        </button>
      </nav>
      <main className="content">
        <StandingNotice />
        <div className="bar">
          <h1>{title}</h1>
          {actions}
        </div>
        {children}
      </main>
      <nav className="tabs" aria-label="Shortcuts">
        {screens
          .filter((s) => s.primary)
          .map((s) => (
            <NavLink key={s.path} to={s.path} end>
              {s.title}
            </NavLink>
          ))}
      </nav>
    </div>
  );
}

/** Whether the browser believes it has a network. */
export function useOnline(): boolean {
  const [online, setOnline] = useState(navigator.onLine);
  useEffect(() => {
    const up = () => setOnline(true);
    const down = () => setOnline(false);
    window.addEventListener("online", up);
    window.addEventListener("offline", down);
    return () => {
      window.removeEventListener("online", up);
      window.removeEventListener("offline", down);
    };
  }, []);
  return online;
}

/** A suspended or past-due subscription, said once at the top of every screen rather than as each request's error. */
function StandingNotice() {
  const standing = useSyncExternalStore(onStandingChange, getStanding);
  if (standing === "suspended")
    return (
      <p role="alert" className="error standing">
        Your organisation&apos;s account is suspended: nothing can be saved or read until it is reactivated. Counts made on this phone wait here and sync
        once it is. Contact Inventory Pro Flow support.
      </p>
    );
  if (standing === "past_due")
    return (
      <p role="status" className="standing">
        Your organisation&apos;s subscription payment is past due. Everything still works; ask your admin to settle it before the account is suspended.
      </p>
    );
  return null;
}
