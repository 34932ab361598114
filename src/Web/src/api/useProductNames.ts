import { useQueries, useQuery } from "@tanstack/react-query";
import { ApiError, apiFetch } from "./client";
import type { Product } from "./catalogue";
import type { Page } from "./types";

/**
 * Product names for ledger rows, which carry only productId and sku. One call brings the first 200 products of the
 * catalogue (most bars carry fewer); any other id on the page is fetched once, and a deleted one (404) keeps its sku.
 */
export function useProductNames(productIds: string[]): (productId: string) => string | undefined {
  const catalogue = useQuery({
    queryKey: ["products", "names"],
    queryFn: () => apiFetch<Page<Product>>("/api/v1/products?page=1&limit=200"),
    staleTime: 5 * 60_000,
  });
  const known = new Map(catalogue.data?.items.map((p) => [p.id, p.name]));
  const missing = catalogue.data ? [...new Set(productIds)].filter((id) => !known.has(id)) : [];
  const fetched = useQueries({
    queries: missing.map((id) => ({
      queryKey: ["product", id],
      queryFn: async () => {
        try {
          return await apiFetch<Product>(`/api/v1/products/${id}`);
        } catch (error) {
          if (error instanceof ApiError && error.status === 404) return null;
          throw error;
        }
      },
      staleTime: Infinity,
      retry: false,
    })),
  });
  fetched.forEach((result, i) => {
    if (result.data) known.set(missing[i], result.data.name);
  });
  return (productId) => known.get(productId);
}
