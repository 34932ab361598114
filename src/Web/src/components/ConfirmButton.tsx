import { useEffect, useRef, useState } from "react";
import "./ConfirmButton.css";

/**
 * A button for something that cannot be taken back (revoking a key, deactivating a person): the first press
 * asks, in words, what will happen; only the second does it. Inline rather than window.confirm, so it reads
 * well on a phone and can say exactly what the change means.
 */
export function ConfirmButton({
  label,
  question,
  confirmLabel,
  onConfirm,
  busy = false,
  danger = true,
  accessibleLabel,
}: {
  label: string;
  question: string;
  confirmLabel: string;
  onConfirm: () => Promise<unknown> | void;
  busy?: boolean;
  danger?: boolean;
  accessibleLabel?: string;
}) {
  const [asking, setAsking] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (asking) cancel.current?.focus();
  }, [asking]);

  if (!asking) {
    return (
      <button type="button" className={danger ? "danger" : "secondary"} aria-label={accessibleLabel} onClick={() => setAsking(true)}>
        {label}
      </button>
    );
  }
  return (
    <div className="confirm" role="group" aria-label={question}>
      <p>{question}</p>
      <div className="confirm-actions">
        <button
          type="button"
          className={danger ? "danger" : undefined}
          disabled={busy}
          onClick={async () => {
            try {
              await onConfirm();
            } catch {
              // The caller shows the Api's message next to what it concerns.
            } finally {
              setAsking(false);
            }
          }}
        >
          {busy ? "Working…" : confirmLabel}
        </button>
        <button type="button" ref={cancel} className="secondary" disabled={busy} onClick={() => setAsking(false)}>
          Cancel
        </button>
      </div>
    </div>
  );
}
