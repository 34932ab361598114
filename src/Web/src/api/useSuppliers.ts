import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "./client";
import type { Supplier } from "./catalogue";
import type { Page } from "./types";

/** The active suppliers, for pickers (receiving, the product form); an organisation has tens, not thousands. */
export function useSupplierChoices() {
  return useQuery({
    queryKey: ["suppliers", "choices"],
    queryFn: () => apiFetch<Page<Supplier>>("/api/v1/suppliers?page=1&limit=200"),
    staleTime: 5 * 60_000,
  });
}
