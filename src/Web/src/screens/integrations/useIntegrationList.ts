import { useState } from "react";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import { usePagedList } from "../../api/usePagedList";

const pageSize = 20;

/**
 * The list of what connects another system (clients, POS keys, webhooks): a page of them, the one just created
 * with its secret (shown once), and revoking or deleting one.
 */
export function useIntegrationList<T extends { id: string }, Issued>({
  queryKey,
  path,
  onRevoked,
}: {
  queryKey: string;
  /** The collection; a record is revoked with DELETE on path/id. */
  path: string;
  onRevoked?: (record: T) => void;
}) {
  const queries = useQueryClient();
  const paged = usePagedList<T>({ queryKey: [queryKey], path, limit: pageSize });
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<Issued | null>(null);
  const revoke = useMutation({
    mutationFn: (record: T) => apiFetch<null>(`${path}/${record.id}`, { method: "DELETE" }),
    onSuccess: (_, record) => {
      onRevoked?.(record);
      void queries.invalidateQueries({ queryKey: [queryKey] });
    },
  });

  function added(record: Issued) {
    setAdding(false);
    setIssued(record);
    void queries.invalidateQueries({ queryKey: [queryKey] });
  }

  return { paged, adding, setAdding, issued, closeIssued: () => setIssued(null), revoke, added };
}
