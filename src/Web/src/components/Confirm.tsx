import type { ReactNode } from "react";
import { Problem } from "./Status";
import "./Field.css";

/** Asks once more before a delete or a deactivation, saying what it does, with its failure in place. */
export function Confirm({ children, action, busy, error, onConfirm, onCancel }: {
  children: ReactNode;
  action: string;
  busy: boolean;
  error: unknown;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  return (
    <div className="panel" role="alertdialog" aria-labelledby="confirm-text">
      <p id="confirm-text">{children}</p>
      <Problem error={error} />
      <div className="form-actions">
        <button type="button" className="danger" disabled={busy} onClick={onConfirm}>
          {busy ? "Working…" : action}
        </button>
        <button type="button" className="secondary" onClick={onCancel} autoFocus>
          Keep it
        </button>
      </div>
    </div>
  );
}
