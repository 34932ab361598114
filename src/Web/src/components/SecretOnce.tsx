import { useEffect, useId, useRef, useState, type ReactNode } from "react";
import "./SecretOnce.css";

export interface Secret {
  label: string;
  value: string;
}

/**
 * Credentials the Api answers once (a webhook's signing secret, a client's secret, a POS key): shown here with
 * a copy button until the admin says they are stored. They live only in this component's state, so leaving
 * the screen forgets them, as the Api does.
 */
export function SecretOnce({ title, secrets, onDone, children }: { title: string; secrets: Secret[]; onDone: () => void; children?: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null);
  const titleId = useId();
  // Moves focus here so a keyboard or screen-reader user meets the secret before anything else.
  useEffect(() => heading.current?.focus(), []);
  return (
    <section className="secret-once" aria-labelledby={titleId}>
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {title}
      </h3>
      <p className="secret-warning">
        <strong>Copy {secrets.length > 1 ? "these" : "this"} now: you will not see {secrets.length > 1 ? "them" : "it"} again.</strong> Keep{" "}
        {secrets.length > 1 ? "them" : "it"} where the other system reads its settings, not in an email or chat.
      </p>
      {secrets.map((secret) => (
        <SecretValue key={secret.label} secret={secret} />
      ))}
      {children}
      <button type="button" className="secondary" onClick={onDone}>
        I have stored {secrets.length > 1 ? "them" : "it"}
      </button>
    </section>
  );
}

function SecretValue({ secret }: { secret: Secret }) {
  const code = useRef<HTMLElement>(null);
  const [copied, setCopied] = useState<"" | "copied" | "select">("");

  async function copy() {
    try {
      await navigator.clipboard.writeText(secret.value);
      setCopied("copied");
    } catch {
      // No clipboard (an old browser, or permission refused): select the text so a long press or Ctrl+C copies it.
      const range = document.createRange();
      if (code.current) range.selectNodeContents(code.current);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      setCopied("select");
    }
  }

  return (
    <div className="secret-value">
      <span className="secret-label">{secret.label}</span>
      <code ref={code} data-secret={secret.label}>
        {secret.value}
      </code>
      <button type="button" onClick={() => void copy()} aria-label={`Copy ${secret.label}`}>
        Copy
      </button>
      <span role="status" className="muted">
        {copied === "copied" ? `${secret.label} copied.` : copied === "select" ? "Selected: copy it with your device's copy command." : ""}
      </span>
    </div>
  );
}
