import { useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { roles, type User } from "../../api/admin";
import { FormProblem } from "../../components/FormProblem";
import { FormActions } from "../../components/FormActions";
import { PasswordRules } from "./PasswordRules";
import { blankNewUser, newUserBody, type NewUserForm } from "./userForms";

/** An admin invites a person by email; a first password is optional (the invitee may choose their own on accepting). */
export function AddUser({ onAdded, onCancel }: { onAdded: (user: User) => void; onCancel: () => void }) {
  const queries = useQueryClient();
  const [form, setForm] = useState<NewUserForm>(blankNewUser);
  const [showPassword, setShowPassword] = useState(false);
  const add = useMutation({
    mutationFn: (body: NewUserForm) => apiFetch<User>("/api/v1/users", { method: "POST", body: JSON.stringify(newUserBody(body)) }),
    onSuccess: (user) => {
      void queries.invalidateQueries({ queryKey: ["users"] });
      onAdded(user);
    },
  });
  const set = (field: keyof NewUserForm) => (e: { target: { value: string } }) => setForm({ ...form, [field]: e.target.value });

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate(form);
  }

  return (
    <section className="panel" aria-labelledby="add-user-title">
      <h2 id="add-user-title">Add a user</h2>
      <form onSubmit={submit} aria-label="Add a user">
        <div className="form-grid">
          <div>
            <label htmlFor="new-email">Email</label>
            <input id="new-email" type="email" autoComplete="off" required value={form.email} onChange={set("email")} />
          </div>
          <div>
            <label htmlFor="new-role">Role</label>
            <select id="new-role" value={form.role} onChange={set("role")} aria-describedby="new-role-hint">
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
            <p id="new-role-hint" className="hint">
              Staff count and sell; managers also receive, transfer and see compliance and forecasts; admins manage users and integrations.
            </p>
          </div>
          <div>
            <label htmlFor="new-first-name">First name</label>
            <input id="new-first-name" autoComplete="off" required value={form.firstName} onChange={set("firstName")} />
          </div>
          <div>
            <label htmlFor="new-last-name">Last name</label>
            <input id="new-last-name" autoComplete="off" required value={form.lastName} onChange={set("lastName")} />
          </div>
          <div>
            <label htmlFor="new-phone">Phone (optional)</label>
            <input id="new-phone" type="tel" autoComplete="off" value={form.phone} onChange={set("phone")} />
          </div>
          <div>
            <label htmlFor="new-password">First password (optional)</label>
            <input
              id="new-password"
              type={showPassword ? "text" : "password"}
              autoComplete="new-password"
              value={form.password}
              onChange={set("password")}
              aria-describedby="new-password-rules"
            />
            <label className="check">
              <input type="checkbox" checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} /> Show password
            </label>
            <PasswordRules id="new-password-rules" password={form.password} />
          </div>
        </div>
        <FormProblem error={add.error} />
        <FormActions label="Add user" busyLabel="Adding…" busy={add.isPending} onCancel={onCancel} />
      </form>
    </section>
  );
}
