import { useState } from "react";
import { getSession } from "../api/client";
import type { Product } from "../api/catalogue";
import { usePagedList } from "../api/usePagedList";
import { Shell } from "../layout/Shell";
import { ActionsHeading, RowActions } from "../components/ActionsColumn";
import { Field } from "../components/Field";
import { inactiveRow, RecordName, ShowInactive } from "../components/InactiveRecords";
import { PagedRecords } from "../components/PagedRecords";
import { CategorySuggestions, ProductForm } from "../components/ProductForm";
import { AddRecordButton, RecordEditorPanels } from "../components/RecordEditor";
import { useRecordEditor } from "../components/useRecordEditor";
import { formatMoney } from "../forms/money";
import { useSettled } from "../components/useSettled";

const pageSize = 50;

export default function Products() {
  const role = getSession()?.user.role;
  const canWrite = role === "admin" || role === "manager";
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [includeInactive, setIncludeInactive] = useState(false);
  const q = useSettled(search.trim());
  const products = usePagedList<Product>({
    queryKey: ["products", "list", q, category, includeInactive],
    path: "/api/v1/products",
    filters: { q, category: category.trim(), includeInactive: includeInactive ? "true" : undefined },
    limit: pageSize,
  });
  const editor = useRecordEditor<Product>({
    path: "/api/v1/products",
    queryKey: "products",
    removed: (product) => `Deleted ${product.name}. Its history stays in the ledger.`,
  });

  const filtered = q !== "" || category !== "";
  return (
    <Shell
      title="Products"
      actions={
        <AddRecordButton editor={editor} canWrite={canWrite}>
          Add product
        </AddRecordButton>
      }
    >
      <RecordEditorPanels
        editor={editor}
        form={(current) => (
          <ProductForm key={current?.id ?? "new"} product={current} onSaved={(p) => editor.finish(`Saved ${p.name} (${p.sku}).`)} onCancel={editor.close} />
        )}
        removeAction="Delete product"
        removeQuestion={(product) => (
          <>
            Delete <strong>{product.name}</strong> ({product.sku})? It leaves the catalogue and every stock list; its ledger history stays, and its SKU and
            barcode become free.
          </>
        )}
      />
      <div className="filters">
        <Field id="search" label="Search" type="search" value={search} placeholder="Name, brand or SKU" onChange={(e) => setSearch(e.target.value)} />
        <Field id="category" label="Category" list="category-suggestions" autoComplete="off" value={category} placeholder="All categories" onChange={(e) => setCategory(e.target.value)} />
        <CategorySuggestions />
      </div>
      <ShowInactive noun="products (no longer carried)" checked={includeInactive} onChange={setIncludeInactive} />
      <PagedRecords
        paged={products}
        noun="products"
        empty={
          filtered
            ? "No products match. Try fewer letters, or another category."
            : canWrite
              ? "The catalogue is empty. Add your first product to start receiving and counting it."
              : "The catalogue is empty. A manager adds products here."
        }
      >
        {(items) => (
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
                {canWrite && <ActionsHeading />}
              </tr>
            </thead>
            <tbody>
              {items.map((p) => (
                <tr key={p.id} data-product-id={p.id} className={inactiveRow(p)}>
                  <td>
                    <RecordName name={p.name} isActive={p.isActive !== false} />
                    {p.brand && <span className="muted"> · {p.brand}</span>}
                  </td>
                  <td>{p.sku}</td>
                  <td className="wide">{p.category}</td>
                  <td className="num wide">{p.sizeMl} ml</td>
                  <td className="num wide">{formatMoney(p.cost)}</td>
                  <td className="num">{formatMoney(p.price)}</td>
                  {canWrite && (
                    <RowActions
                      name={p.name}
                      removeLabel="Delete"
                      onEdit={() => editor.open({ kind: "edit", record: p })}
                      onRemove={() => editor.open({ kind: "remove", record: p })}
                    />
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedRecords>
    </Shell>
  );
}
