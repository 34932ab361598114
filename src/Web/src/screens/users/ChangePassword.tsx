import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch, getSession, signIn } from "../../api/client";
import type { PasswordChanged } from "../../api/admin";
import { FormActions } from "../../components/FormActions";
import { FormProblem } from "../../components/FormProblem";
import { Done } from "../../components/Status";
import { PasswordRules } from "./PasswordRules";

interface Outcome {
  changedAt: string;
  stillSignedIn: boolean;
}

/**
 * The signed-in person changes their own password. The Api ends every token of theirs, this tab's too, so
 * the tab signs in again with the new password to keep working.
 */
export function ChangePassword() {
  const [current, setCurrent] = useState("");
  const [next, setNext] = useState("");
  const [repeat, setRepeat] = useState("");
  const [mismatch, setMismatch] = useState(false);
  const change = useMutation({
    mutationFn: async (body: { currentPassword: string; newPassword: string }): Promise<Outcome> => {
      const changed = await apiFetch<PasswordChanged>("/api/v1/auth/password", { method: "POST", body: JSON.stringify(body) });
      const email = getSession()?.user.email;
      const stillSignedIn = !!email && (await signIn(email, body.newPassword).then(() => true, () => false));
      return { changedAt: changed.changedAt, stillSignedIn };
    },
    onSuccess: () => {
      setCurrent("");
      setNext("");
      setRepeat("");
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    // Caught here rather than by the Api: a typo in the new password would otherwise lock the person out.
    if (next !== repeat) {
      setMismatch(true);
      return;
    }
    setMismatch(false);
    change.mutate({ currentPassword: current, newPassword: next });
  }

  return (
    <section className="panel" aria-labelledby="change-password-title">
      <h2 id="change-password-title">Change my password</h2>
      <form onSubmit={submit} aria-label="Change my password">
        <div className="form-grid">
          <div>
            <label htmlFor="current-password">Current password</label>
            <input id="current-password" type="password" autoComplete="current-password" required value={current} onChange={(e) => setCurrent(e.target.value)} />
          </div>
          <div>
            <label htmlFor="new-own-password">New password</label>
            <input
              id="new-own-password"
              type="password"
              autoComplete="new-password"
              required
              value={next}
              onChange={(e) => setNext(e.target.value)}
              aria-describedby="new-own-password-rules"
            />
            <PasswordRules id="new-own-password-rules" password={next} />
          </div>
          <div>
            <label htmlFor="repeat-own-password">New password again</label>
            <input id="repeat-own-password" type="password" autoComplete="new-password" required value={repeat} onChange={(e) => setRepeat(e.target.value)} />
          </div>
        </div>
        {mismatch && (
          <p role="alert" className="error">
            The two new passwords differ. Type the same one twice.
          </p>
        )}
        <FormProblem error={change.error} />
        {change.data && (
          <Done>
            Password changed at {new Date(change.data.changedAt).toLocaleTimeString()}. Your other devices are signed out and need the new password
            {change.data.stillSignedIn ? "; this one stays signed in." : "; sign in again here when asked."}
          </Done>
        )}
        <FormActions label="Change password" busyLabel="Changing…" busy={change.isPending} />
      </form>
    </section>
  );
}
