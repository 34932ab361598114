import { useState, type FormEvent } from "react";
import { useMutation, useQueries, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import type { Product } from "../api/catalogue";
import { pourText, ruleText, ounces, type PosItemMapping, type PosModifierRule, type Recipe, type ServingSize } from "../api/menu";
import type { Page } from "../api/types";
import { Field } from "../components/Field";
import { Done, Empty, Loading, Problem } from "../components/Status";
import { Shell } from "../layout/Shell";

const all = <T,>(path: string) => apiFetch<Page<T>>(`${path}?limit=200`);

/**
 * The menu as stock sees it: what each POS item pours. Serving sizes are added here; recipes, POS items and modifier
 * rules are read here and written through the Api (docs/API.md, Menu).
 */
export default function Menu() {
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
  const productName = (id: string) => names.get(id) ?? "…";
  const sizeMap = new Map((sizes.data?.items ?? []).map((s) => [s.id, s]));
  const recipeNames = new Map((recipes.data?.items ?? []).map((r) => [r.id, r.name]));

  return (
    <Shell title="Menu">
      <Problem error={sizes.error ?? recipes.error ?? items.error ?? rules.error} />
      {(sizes.isLoading || recipes.isLoading || items.isLoading || rules.isLoading) && <Loading />}

      <h2>Serving sizes</h2>
      {sizes.data && (
        <table aria-label="Serving sizes">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">oz</th>
              <th scope="col">ml</th>
            </tr>
          </thead>
          <tbody>
            {sizes.data.items.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{ounces(s.volumeMl)}</td>
                <td>{s.volumeMl}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <AddServingSize />

      <h2>Recipes</h2>
      {recipes.data && recipes.data.items.length === 0 && <Empty>No recipes yet: add them through the Api (POST /api/v1/recipes).</Empty>}
      {recipes.data && recipes.data.items.length > 0 && (
        <ul className="recipes" aria-label="Recipes">
          {recipes.data.items.map((r) => (
            <li key={r.id}>
              <strong>{r.name}</strong>:{" "}
              {r.ingredients.map((i) => (i.productId ? `${pourText(i, sizeMap)} ${productName(i.productId)}` : `${i.name} (not tracked)`)).join(", ")}
            </li>
          ))}
        </ul>
      )}

      <h2>POS items</h2>
      {items.data && (
        <table aria-label="POS items">
          <thead>
            <tr>
              <th scope="col">POS id</th>
              <th scope="col">Name</th>
              <th scope="col">Pours</th>
            </tr>
          </thead>
          <tbody>
            {items.data.items.map((i) => (
              <tr key={i.id}>
                <td>{i.posItemId}</td>
                <th scope="row">{i.name}</th>
                <td>{i.recipeId ? `recipe ${recipeNames.get(i.recipeId) ?? ""}` : `${pourText(i, sizeMap)} ${productName(i.productId ?? "")}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Modifier rules</h2>
      {rules.data && (
        <table aria-label="Modifier rules">
          <thead>
            <tr>
              <th scope="col">POS id</th>
              <th scope="col">Name</th>
              <th scope="col">Does</th>
            </tr>
          </thead>
          <tbody>
            {rules.data.items.map((m) => (
              <tr key={m.id}>
                <td>{m.posModifierId}</td>
                <th scope="row">{m.name}</th>
                <td>{ruleText(m, sizeMap, productName)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Shell>
  );
}

function AddServingSize() {
  const queries = useQueryClient();
  const [name, setName] = useState("");
  const [oz, setOz] = useState("");
  const add = useMutation({
    mutationFn: () => apiFetch<ServingSize>("/api/v1/serving-sizes", { method: "POST", body: JSON.stringify({ name: name.trim(), volumeOz: Number(oz.replace(",", ".")) }) }),
    onSuccess: () => {
      setName("");
      setOz("");
      void queries.invalidateQueries({ queryKey: ["menu", "serving-sizes"] });
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form onSubmit={submit} className="inline-form" aria-label="Add a serving size">
      <Field id="size-name" label="Serving size" value={name} onChange={(e) => setName(e.target.value)} />
      <Field id="size-oz" label="Ounces" inputMode="decimal" value={oz} onChange={(e) => setOz(e.target.value)} />
      <button type="submit" disabled={add.isPending}>
        Add serving size
      </button>
      <Problem error={add.error} />
      {add.isSuccess && <Done>Added {add.data.name}.</Done>}
    </form>
  );
}
