import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api/client";

/** What is open above a list: nothing, the form for a new record, the form for one, or its removal to confirm. */
export type Editing<T> = { kind: "none" } | { kind: "new" } | { kind: "edit"; record: T } | { kind: "remove"; record: T };

/**
 * The editing of a catalogue list (products, suppliers, locations): one thing open at a time, a sentence saying
 * what was done, and the removal (DELETE, which deactivates or deletes as the Api decides) with its failure.
 */
export function useRecordEditor<T extends { id: string }>({
  path,
  queryKey,
  removed,
}: {
  /** The collection, e.g. /api/v1/suppliers. */
  path: string;
  /** Every query under it is read again after a change. */
  queryKey: string;
  /** What the screen says once a record is removed. */
  removed: (record: T) => string;
}) {
  const [editing, setEditing] = useState<Editing<T>>({ kind: "none" });
  const [done, setDone] = useState<string | null>(null);
  const queries = useQueryClient();

  const remove = useMutation({
    mutationFn: (record: T) => apiFetch<null>(`${path}/${record.id}`, { method: "DELETE" }),
    onSuccess: (_none, record) => finish(removed(record)),
  });

  function finish(message: string) {
    setDone(message);
    setEditing({ kind: "none" });
    void queries.invalidateQueries({ queryKey: [queryKey] });
  }

  // A new choice clears the last outcome, so an old message or refusal never stands beside the wrong record.
  function open(next: Editing<T>) {
    setDone(null);
    remove.reset();
    setEditing(next);
  }

  return {
    editing,
    done,
    remove,
    open,
    finish,
    close: () => setEditing({ kind: "none" }),
    /** The record whose form is open; none while adding. */
    current: editing.kind === "edit" ? editing.record : undefined,
  };
}

export type RecordEditor<T extends { id: string }> = ReturnType<typeof useRecordEditor<T>>;
