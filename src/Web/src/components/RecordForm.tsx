import { useState, type FormEvent, type ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { ApiError, apiFetch } from "../api/client";
import { fieldErrorsOf, hasErrors, type FieldErrors } from "../forms/fieldErrors";
import { FormActions } from "./FormActions";

/**
 * The create-or-edit form of a product, a supplier or a location: checks the values first, sends POST or PUT, and puts
 * the Api's refusals beside their fields. The fields themselves come from the screen (children).
 */
export function RecordForm<V extends { [K in keyof V]: string }, T>({
  title,
  path,
  editing,
  initial,
  check,
  body,
  addLabel = "Add",
  conflicts = {},
  onSaved,
  onCancel,
  children,
}: {
  title: string;
  /** The collection, e.g. /api/v1/suppliers. */
  path: string;
  /** The id of the record being changed; none when adding. */
  editing?: string;
  initial: V;
  check: (values: V) => FieldErrors;
  body: (values: V) => object;
  /** The submit button's words while adding. */
  addLabel?: string;
  /** The Api's conflicts that name a field, by error code: [field, what to say there]. */
  conflicts?: Record<string, [string, string]>;
  onSaved: (saved: T) => void;
  onCancel: () => void;
  children: (values: V, errors: FieldErrors, set: (name: string, value: string) => void) => ReactNode;
}) {
  const [values, setValues] = useState<V>(initial);
  const [checked, setChecked] = useState<FieldErrors>({});
  const save = useMutation({
    mutationFn: (request: object) =>
      apiFetch<T>(editing ? `${path}/${editing}` : path, { method: editing ? "PUT" : "POST", body: JSON.stringify(request) }),
    onSuccess: onSaved,
  });

  function set(name: string, value: string) {
    setValues((v) => ({ ...v, [name]: value }));
    if (save.error) save.reset();
    setChecked((c) => {
      const { [name]: _, ...rest } = c;
      return rest;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = check(values);
    setChecked(found);
    if (!hasErrors(found)) save.mutate(body(values));
  }

  const fromApi = fieldErrorsOf(save.error);
  if (save.error instanceof ApiError && conflicts[save.error.code]) {
    const [field, words] = conflicts[save.error.code];
    fromApi[field] = words;
  }
  const errors = { ...fromApi, ...checked };
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={title}>
      <h2>{title}</h2>
      <div className="form-grid">{children(values, errors, set)}</div>
      {hasErrors(checked) && (
        <p role="alert" className="error">
          Nothing was saved. Fix the fields marked in red.
        </p>
      )}
      {save.error && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      <FormActions label={editing ? "Save changes" : addLabel} busyLabel="Saving…" busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
