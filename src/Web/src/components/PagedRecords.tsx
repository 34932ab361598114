import type { ReactNode } from "react";
import type { PagedList } from "../api/usePagedList";
import { Pager } from "./Pager";
import { Empty, Loading, Problem } from "./Status";

/** A page of records with the states around it: its failure, loading, nothing yet, and the pager under it. */
export function PagedRecords<T>({
  paged,
  noun,
  loading,
  empty,
  actionError,
  children,
}: {
  paged: PagedList<T>;
  /** Plural, for the pager: "suppliers". */
  noun: string;
  loading?: string;
  empty: ReactNode;
  /** A failed action on one of the records, shown with the list's own failure. */
  actionError?: unknown;
  children: (items: T[]) => ReactNode;
}) {
  const { list, setPage } = paged;
  const items = list.data?.items ?? [];
  return (
    <>
      <Problem error={list.error} />
      <Problem error={actionError} />
      {list.isLoading && <Loading what={loading} />}
      {list.data && items.length === 0 && <Empty>{empty}</Empty>}
      {items.length > 0 && children(items)}
      <Pager page={list.data?.pagination} onPage={setPage} noun={noun} />
    </>
  );
}
