import type { FormEvent, ReactNode } from "react";
import { useMutation } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { FormActions } from "../../components/FormActions";
import { FormProblem } from "../../components/FormProblem";

/** The form that creates a client, POS key or webhook: the Api answers with it and its secret, which the list shows once. */
export function CreateForm<Issued>({
  label,
  path,
  body,
  submitLabel,
  busyLabel,
  onAdded,
  onCancel,
  children,
}: {
  label: string;
  path: string;
  body: () => object;
  submitLabel: string;
  busyLabel: string;
  onAdded: (issued: Issued) => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const add = useMutation({
    mutationFn: () => apiFetch<Issued>(path, { method: "POST", body: JSON.stringify(body()) }),
    onSuccess: onAdded,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form className="panel" onSubmit={submit} aria-label={label}>
      {children}
      <FormProblem error={add.error} />
      <FormActions label={submitLabel} busyLabel={busyLabel} busy={add.isPending} onCancel={onCancel} />
    </form>
  );
}
