import { useEffect, useState } from "react";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "./client";
import type { Page } from "./types";

type Filters = Record<string, string | number | boolean | undefined>;

/**
 * One page of a collection, read with its filters. A changed filter starts again from page 1, and the page on
 * screen stays until the next one is in, so the list does not jump while paging.
 */
export function usePagedList<T>({ queryKey, path, filters = {}, limit }: { queryKey: readonly unknown[]; path: string; filters?: Filters; limit: number }) {
  const [page, setPage] = useState(1);
  const filterKey = JSON.stringify(filters);
  useEffect(() => setPage(1), [filterKey]);
  const list = useQuery({
    queryKey: [...queryKey, page],
    queryFn: () => apiFetch<Page<T>>(withQuery(path, { ...filters, page, limit })),
    placeholderData: keepPreviousData,
  });
  return { list, setPage };
}

export type PagedList<T> = ReturnType<typeof usePagedList<T>>;
