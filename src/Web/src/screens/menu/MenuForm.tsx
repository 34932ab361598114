import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { FormActions } from "../../components/FormActions";
import { FormProblem } from "../../components/FormProblem";
import type { Checked } from "../../forms/menuForms";

/**
 * The frame of a recipe, POS item or modifier rule form: checks the values (check), sends POST or PUT, and shows the
 * form's own problem or the Api's refusal above its buttons.
 */
export function MenuForm<T>({
  title,
  path,
  editing,
  check,
  addLabel,
  onSaved,
  onCancel,
  children,
}: {
  title: string;
  /** The collection, e.g. /api/v1/recipes. */
  path: string;
  /** The id of the record being changed; none when adding. */
  editing?: string;
  check: () => Checked;
  addLabel: string;
  onSaved: (saved: T) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const [problem, setProblem] = useState("");
  const save = useMutation({
    mutationFn: (body: object) => apiFetch<T>(editing ? `${path}/${editing}` : path, { method: editing ? "PUT" : "POST", body: JSON.stringify(body) }),
    onSuccess: onSaved,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = check();
    setProblem("problem" in checked ? checked.problem : "");
    if ("body" in checked) save.mutate(checked.body);
  }

  return (
    <form className="panel menu-form" onSubmit={submit} noValidate aria-label={title}>
      <h3>{title}</h3>
      {children}
      {problem && (
        <p role="alert" className="error">
          Nothing was saved. {problem}
        </p>
      )}
      <FormProblem error={save.error} />
      <FormActions label={editing ? "Save changes" : addLabel} busyLabel="Saving…" busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
