import { passwordHints } from "./passwordRules";

/** The password rules, each ticked off as the person types; the Api's own messages follow on refusal. */
export function PasswordRules({ id, password }: { id: string; password: string }) {
  // Before anything is typed the rules are a plain list, not a row of red crosses.
  const typed = password.length > 0;
  return (
    <ul id={id} className="password-rules" aria-label="Password rules">
      {passwordHints(password).map((hint) => {
        const met = typed ? hint.met : null;
        return (
          <li key={hint.rule} className={met === null ? "unknown" : met ? "met" : "unmet"}>
            <span aria-hidden="true">{met === null ? "•" : met ? "✓" : "✗"}</span> {hint.rule}
            {met !== null && <span className="visually-hidden">{met ? " (done)" : " (still missing)"}</span>}
          </li>
        );
      })}
    </ul>
  );
}
