import { useState, type FormEvent } from "react";
import { Link } from "react-router-dom";
import { apiFetch, type SignUpAccepted } from "../api/client";
import { Problem } from "../components/Status";
import { PasswordRules } from "./users/PasswordRules";

const businessTypes = ["bar", "restaurant", "liquor_store", "distillery", "distributor", "other"] as const;

/** A new business signs up; nothing exists until the link mailed to the address is followed. */
export default function SignUp() {
  const [form, setForm] = useState({ organizationName: "", businessType: "bar", firstName: "", lastName: "", email: "", password: "" });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [sent, setSent] = useState<SignUpAccepted | null>(null);
  const set = (field: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setSent(await apiFetch<SignUpAccepted>("/api/v1/auth/register", { method: "POST", body: JSON.stringify({ ...form, email: form.email.trim() }) }));
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (sent) return <CheckYourEmail sent={sent} />;
  return (
    <main className="card narrow">
      <h1>Sign up your business</h1>
      <form onSubmit={submit} aria-label="Sign up">
        <label htmlFor="organization-name">Business name</label>
        <input id="organization-name" required value={form.organizationName} onChange={set("organizationName")} />
        <label htmlFor="business-type">Kind of business</label>
        <select id="business-type" value={form.businessType} onChange={set("businessType")}>
          {businessTypes.map((t) => (
            <option key={t} value={t}>
              {t.replace("_", " ")}
            </option>
          ))}
        </select>
        <label htmlFor="first-name">Your first name</label>
        <input id="first-name" autoComplete="given-name" required value={form.firstName} onChange={set("firstName")} />
        <label htmlFor="last-name">Your last name</label>
        <input id="last-name" autoComplete="family-name" required value={form.lastName} onChange={set("lastName")} />
        <label htmlFor="email">Email</label>
        <input id="email" type="email" autoComplete="username" required value={form.email} onChange={set("email")} />
        <label htmlFor="password">Password</label>
        <input
          id="password"
          type="password"
          autoComplete="new-password"
          required
          value={form.password}
          onChange={set("password")}
          aria-describedby="password-rules"
        />
        <PasswordRules id="password-rules" password={form.password} />
        <Problem error={error} />
        <button type="submit" disabled={busy}>
          {busy ? "Signing up…" : "Sign up"}
        </button>
      </form>
      <p>
        Have an account? <Link to="/sign-in">Sign in</Link>
      </p>
    </main>
  );
}

/** After sign-up: where the link went, and a way to ask for another. */
export function CheckYourEmail({ sent }: { sent: SignUpAccepted }) {
  const [again, setAgain] = useState<SignUpAccepted | null>(null);
  const [error, setError] = useState<unknown>(null);

  async function resend() {
    setError(null);
    try {
      setAgain(await apiFetch<SignUpAccepted>("/api/v1/auth/verify-email/resend", { method: "POST", body: JSON.stringify({ email: sent.email }) }));
    } catch (e) {
      setError(e);
    }
  }

  return (
    <main className="card narrow">
      <h1>Check your email</h1>
      <p role="status">
        We sent a link to <strong>{sent.email}</strong>. Follow it to open your account; it works once, until{" "}
        {new Date((again ?? sent).linkExpiresAt).toLocaleString()}.
      </p>
      {sent.delivery === "log" && (
        <p className="hint">This installation has no mail server: the link is written in the server&apos;s log (make run prints it).</p>
      )}
      <Problem error={error} />
      <button type="button" onClick={resend}>
        {again ? "Sent again" : "Send the link again"}
      </button>
      <p>
        <Link to="/sign-in">Back to sign in</Link>
      </p>
    </main>
  );
}
