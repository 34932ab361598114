import { useEffect, useRef, useState, type FormEvent } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { roles, type User, type UserChange } from "../../api/admin";
import { FormActions } from "../../components/FormActions";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormProblem } from "../../components/FormProblem";
import { Done } from "../../components/Status";
import { editOf, fullName, userChangeBody, type UserEdit } from "./userForms";

/** An admin changes one person's names, role or phone, or turns their access off and on. */
export function EditUser({ user, isSelf, onChanged, onClose }: { user: User; isSelf: boolean; onChanged: (user: User) => void; onClose: () => void }) {
  const queries = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [edit, setEdit] = useState<UserEdit>(() => editOf(user));
  const [outcome, setOutcome] = useState("");
  useEffect(() => heading.current?.focus(), [user.id]);

  const patch = useMutation({
    mutationFn: (change: UserChange) => apiFetch<User>(`/api/v1/users/${user.id}`, { method: "PATCH", body: JSON.stringify(change) }),
    onSuccess: (changed, change) => {
      void queries.invalidateQueries({ queryKey: ["users"] });
      setEdit(editOf(changed));
      setOutcome(
        change.isActive === false
          ? `${fullName(changed)} is deactivated: they cannot sign in, and their other sessions are ended.`
          : change.isActive === true
            ? `${fullName(changed)} can sign in again.`
            : "Saved.",
      );
      onChanged(changed);
    },
    onMutate: () => setOutcome(""),
  });
  const change = userChangeBody(user, edit);
  // A refusal is shown where it was asked for: by the form for a change, by the access button for (de)activation.
  const accessAsked = patch.variables?.isActive !== undefined;
  const set = (field: keyof UserEdit) => (e: { target: { value: string } }) => setEdit({ ...edit, [field]: e.target.value });

  function save(event: FormEvent) {
    event.preventDefault();
    if (change) patch.mutate(change);
  }

  const name = fullName(user);
  return (
    <section className="panel" aria-labelledby="edit-user-title">
      <div className="bar">
        <h2 id="edit-user-title" ref={heading} tabIndex={-1}>
          {name}
          {isSelf && " (you)"}
        </h2>
        <button type="button" className="link" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        {user.email} · {user.isActive ? "Active" : "Inactive"}
        {user.lastLoginAt && ` · last signed in ${new Date(user.lastLoginAt).toLocaleString()}`}
      </p>
      <form onSubmit={save} aria-label={`Change ${name}`}>
        <div className="form-grid">
          <div>
            <label htmlFor="edit-first-name">First name</label>
            <input id="edit-first-name" value={edit.firstName} onChange={set("firstName")} />
          </div>
          <div>
            <label htmlFor="edit-last-name">Last name</label>
            <input id="edit-last-name" value={edit.lastName} onChange={set("lastName")} />
          </div>
          <div>
            <label htmlFor="edit-role">Role</label>
            <select id="edit-role" value={edit.role} onChange={set("role")}>
              {roles.map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label htmlFor="edit-phone">Phone</label>
            <input id="edit-phone" type="tel" value={edit.phone} onChange={set("phone")} aria-describedby="edit-phone-hint" />
            <p id="edit-phone-hint" className="hint">
              A phone can be changed but not removed.
            </p>
          </div>
        </div>
        {!accessAsked && <FormProblem error={patch.error} />}
        {!accessAsked && outcome && <Done>{outcome}</Done>}
        <FormActions label="Save changes" busyLabel="Saving…" busy={patch.isPending} disabled={!change} />
      </form>
      <h3>Access</h3>
      {user.isActive ? (
        <ConfirmButton
          label="Deactivate"
          accessibleLabel={`Deactivate ${name}`}
          question={`Deactivate ${name}? They cannot sign in from now on, and a screen they have open is refused at its next request. Their history stays.`}
          confirmLabel="Yes, deactivate"
          busy={patch.isPending}
          onConfirm={() => patch.mutateAsync({ isActive: false })}
        />
      ) : (
        <ConfirmButton
          label="Reactivate"
          accessibleLabel={`Reactivate ${name}`}
          danger={false}
          question={`Reactivate ${name}? They can sign in again with their password.`}
          confirmLabel="Yes, reactivate"
          busy={patch.isPending}
          onConfirm={() => patch.mutateAsync({ isActive: true })}
        />
      )}
      {accessAsked && <FormProblem error={patch.error} />}
      {accessAsked && outcome && <Done>{outcome}</Done>}
    </section>
  );
}
