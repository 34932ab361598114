import type { ReactNode } from "react";

// The three states every list and form shares: loading, failed, and nothing to show yet.

export function Loading({ what = "Loading…" }: { what?: string }) {
  return (
    <p role="status" className="muted">
      {what}
    </p>
  );
}

export function Problem({ error }: { error: unknown }) {
  if (!error) return null;
  return (
    <p role="alert" className="error">
      {error instanceof Error ? error.message : String(error)}
    </p>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return (
    <div role="status" className="empty">
      {children}
    </div>
  );
}

export function Done({ children }: { children: ReactNode }) {
  return (
    <p role="status" className="done">
      {children}
    </p>
  );
}
