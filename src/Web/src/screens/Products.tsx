import { useEffect, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, getSession, withQuery } from "../api/client";
import type { Product } from "../api/catalogue";
import { categories, type Page } from "../api/types";
import { Shell } from "../layout/Shell";
import { SelectField, Field } from "../components/Field";
import { Pager } from "../components/Pager";
import { ProductForm } from "../components/ProductForm";
import { Confirm } from "../components/Confirm";
import { Done, Empty, Loading, Problem } from "../components/Status";
import { formatMoney } from "../forms/money";
import { useSettled } from "../components/useSettled";

const pageSize = 50;

/** What is open above the list: nothing, the form for a new product, the form for one, or a delete to confirm. */
type Editing = { kind: "none" } | { kind: "new" } | { kind: "edit"; product: Product } | { kind: "delete"; product: Product };

export default function Products() {
  const role = getSession()?.user.role;
  const canWrite = role === "admin" || role === "manager";
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [page, setPage] = useState(1);
  const [editing, setEditing] = useState<Editing>({ kind: "none" });
  const [done, setDone] = useState<string | null>(null);
  const q = useSettled(search.trim());
  useEffect(() => setPage(1), [q, category]);
  const queries = useQueryClient();

  const products = useQuery({
    queryKey: ["products", "list", q, category, page],
    queryFn: () => apiFetch<Page<Product>>(withQuery("/api/v1/products", { q, category, page, limit: pageSize })),
    placeholderData: keepPreviousData,
  });

  const remove = useMutation({
    mutationFn: (product: Product) => apiFetch<null>(`/api/v1/products/${product.id}`, { method: "DELETE" }),
    onSuccess: (_none, product) => {
      setDone(`Deleted ${product.name}. Its history stays in the ledger.`);
      setEditing({ kind: "none" });
      void queries.invalidateQueries({ queryKey: ["products"] });
    },
  });

  function saved(product: Product) {
    setDone(`Saved ${product.name} (${product.sku}).`);
    setEditing({ kind: "none" });
    void queries.invalidateQueries({ queryKey: ["products"] });
  }

  function open(next: Editing) {
    setDone(null);
    remove.reset();
    setEditing(next);
  }

  const filtered = q !== "" || category !== "";
  const items = products.data?.items ?? [];
  return (
    <Shell
      title="Products"
      actions={
        canWrite && editing.kind === "none" ? (
          <button type="button" onClick={() => open({ kind: "new" })}>
            Add product
          </button>
        ) : undefined
      }
    >
      {done && <Done>{done}</Done>}
      {(editing.kind === "new" || editing.kind === "edit") && (
        <ProductForm
          key={editing.kind === "edit" ? editing.product.id : "new"}
          product={editing.kind === "edit" ? editing.product : undefined}
          onSaved={saved}
          onCancel={() => setEditing({ kind: "none" })}
        />
      )}
      {editing.kind === "delete" && (
        <Confirm action="Delete product" busy={remove.isPending} error={remove.error} onConfirm={() => remove.mutate(editing.product)} onCancel={() => setEditing({ kind: "none" })}>
          Delete <strong>{editing.product.name}</strong> ({editing.product.sku})? It leaves the catalogue and every stock list; its ledger history stays, and its SKU
          and barcode become free.
        </Confirm>
      )}
      <div className="filters">
        <Field id="search" label="Search" type="search" value={search} placeholder="Name, brand or SKU" onChange={(e) => setSearch(e.target.value)} />
        <SelectField id="category" label="Category" value={category} onChange={(e) => setCategory(e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </SelectField>
      </div>
      <Problem error={products.error} />
      {products.isLoading && <Loading />}
      {products.data && items.length === 0 && (
        <Empty>
          {filtered
            ? "No products match. Try fewer letters, or another category."
            : canWrite
              ? "The catalogue is empty. Add your first product to start receiving and counting it."
              : "The catalogue is empty. A manager adds products here."}
        </Empty>
      )}
      {items.length > 0 && (
        <table aria-label="Products">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">SKU</th>
              <th scope="col" className="wide">
                Category
              </th>
              <th scope="col" className="num wide">
                Size
              </th>
              <th scope="col" className="num wide">
                Cost
              </th>
              <th scope="col" className="num">
                Price
              </th>
              {canWrite && (
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              )}
            </tr>
          </thead>
          <tbody>
            {items.map((p) => (
              <tr key={p.id} data-product-id={p.id}>
                <td>
                  {p.name}
                  {p.brand && <span className="muted"> · {p.brand}</span>}
                </td>
                <td>{p.sku}</td>
                <td className="wide">{p.category}</td>
                <td className="num wide">{p.sizeMl} ml</td>
                <td className="num wide">{formatMoney(p.cost)}</td>
                <td className="num">{formatMoney(p.price)}</td>
                {canWrite && (
                  <td>
                    <div className="row-actions">
                      <button type="button" className="secondary" aria-label={`Edit ${p.name}`} onClick={() => open({ kind: "edit", product: p })}>
                        Edit
                      </button>
                      <button type="button" className="secondary" aria-label={`Delete ${p.name}`} onClick={() => open({ kind: "delete", product: p })}>
                        Delete
                      </button>
                    </div>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Pager page={products.data?.pagination} onPage={setPage} noun="products" />
    </Shell>
  );
}
