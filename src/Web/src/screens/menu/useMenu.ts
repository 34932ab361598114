import { useQueries, useQuery } from "@tanstack/react-query";
import { apiFetch } from "../../api/client";
import type { Product } from "../../api/catalogue";
import type { PosItemMapping, PosModifierRule, Recipe, ServingSize } from "../../api/menu";
import type { Page } from "../../api/types";

const all = <T,>(path: string) => apiFetch<Page<T>>(`${path}?limit=200`);

/** The whole menu of the organisation, with the names of the products it pours. */
export function useMenu() {
  const sizes = useQuery({ queryKey: ["menu", "serving-sizes"], queryFn: () => all<ServingSize>("/api/v1/serving-sizes") });
  const recipes = useQuery({ queryKey: ["menu", "recipes"], queryFn: () => all<Recipe>("/api/v1/recipes") });
  const items = useQuery({ queryKey: ["menu", "pos-items"], queryFn: () => all<PosItemMapping>("/api/v1/pos-items") });
  const rules = useQuery({ queryKey: ["menu", "pos-modifiers"], queryFn: () => all<PosModifierRule>("/api/v1/pos-modifiers") });
  const productIds = [
    ...new Set([
      ...(recipes.data?.items ?? []).flatMap((r) => r.ingredients.map((i) => i.productId)),
      ...(items.data?.items ?? []).map((i) => i.productId),
      ...(rules.data?.items ?? []).flatMap((m) => [m.productId, m.replacesProductId]),
    ]),
  ].filter((id): id is string => !!id);
  const products = useQueries({
    queries: productIds.map((id) => ({ queryKey: ["product", id], queryFn: () => apiFetch<Product>(`/api/v1/products/${id}`), staleTime: 300_000 })),
  });
  const names = new Map(products.flatMap((p) => (p.data ? [[p.data.id, p.data.name] as const] : [])));
  return {
    sizes,
    recipes,
    items,
    rules,
    servingSizes: sizes.data?.items ?? [],
    sizeMap: new Map((sizes.data?.items ?? []).map((s) => [s.id, s])),
    productName: (id: string) => names.get(id) ?? "…",
    recipeName: (id: string) => recipes.data?.items.find((r) => r.id === id)?.name ?? "…",
    error: sizes.error ?? recipes.error ?? items.error ?? rules.error,
    loading: sizes.isLoading || recipes.isLoading || items.isLoading || rules.isLoading,
  };
}

export type Menu = ReturnType<typeof useMenu>;
