import { useState, type FormEvent } from "react";
import { useNavigate, useSearchParams } from "react-router-dom";
import { acceptInvitation } from "../api/client";
import { Problem } from "../components/Status";
import { PasswordRules } from "./users/PasswordRules";

/** The page an invitation's link opens: the invitee chooses their password and is signed in. */
export default function AcceptInvitation() {
  const navigate = useNavigate();
  const token = useSearchParams()[0].get("token") ?? "";
  const [password, setPassword] = useState("");
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      // Left empty, the password the admin chose (if any) stays.
      await acceptInvitation(token, password || null);
      navigate("/", { replace: true });
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="card narrow">
      <h1>Accept your invitation</h1>
      <form onSubmit={submit} aria-label="Accept your invitation">
        <label htmlFor="password">Choose your password</label>
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          aria-describedby="password-rules password-hint"
        />
        <p id="password-hint" className="hint">
          If your admin gave you a first password, you may leave this empty and keep it.
        </p>
        <PasswordRules id="password-rules" password={password} />
        <Problem error={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Accepting…" : "Accept and sign in"}
        </button>
      </form>
    </main>
  );
}
