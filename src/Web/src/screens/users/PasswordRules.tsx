import { passwordHints } from "./passwordRules";

/** The password rules, each ticked off as the person types; the Api's own messages follow on refusal. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  return (
    <ul id={id} className="password-rules" aria-label="Password rules">
      {passwordHints(password).map((hint) => (
        <li key={hint.rule} className={hint.met === null ? "unknown" : hint.met ? "met" : "unmet"}>
          <span aria-hidden="true">{hint.met === null ? "•" : hint.met ? "✓" : "✗"}</span> {hint.rule}
          {hint.met !== null && <span className="sr-only">{hint.met ? " (done)" : " (still missing)"}</span>}
        </li>
      ))}
    </ul>
  );
}
