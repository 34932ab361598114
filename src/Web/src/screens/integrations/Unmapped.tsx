import { useEffect, useRef, useState, type FormEvent } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import type { ProductChoice, UnmappedItem } from "../../api/admin";
import { useLocations } from "../../components/LocationPicker";
import { FormProblem } from "../../components/FormProblem";
import { FormActions } from "../../components/FormActions";
import { PagedRecords } from "../../components/PagedRecords";
import { Done, Empty, Loading, Problem } from "../../components/Status";
import { savedText } from "../../api/menu";
import { PosItemForm } from "../menu/PosItemForm";
import { useMenu } from "../menu/useMenu";

const pageSize = 20;

/**
 * POS lines that matched nothing (an unknown sku or barcode, or a POS item not on the menu yet): kept until someone
 * says what they were, then sold. A POS item is mapped for good (every later line follows); a sku line to a product.
 */
export function Unmapped() {
  const [page, setPage] = useState(1);
  const [includeMapped, setIncludeMapped] = useState(false);
  const [mapping, setMapping] = useState<UnmappedItem | null>(null);
  const [mappingItem, setMappingItem] = useState<UnmappedItem | null>(null);
  const [mapped, setMapped] = useState("");
  const locations = useLocations();
  const lines = useQuery({
    queryKey: ["unmapped", includeMapped, page],
    queryFn: () => apiFetch<Page<UnmappedItem>>(withQuery("/api/v1/integrations/unmapped", { includeMapped: includeMapped ? "true" : undefined, page, limit: pageSize })),
    placeholderData: keepPreviousData,
  });
  const locationName = (id: string) => locations.data?.items.find((l) => l.id === id)?.name ?? "a location";

  return (
    <section aria-labelledby="unmapped-title">
      <h2 id="unmapped-title">Unmapped POS items</h2>
      <p className="muted">
        Sales lines the POS sent with a sku, barcode or POS item we do not know. Nothing is lost: map each and it is recorded as the sale it was. Mapping a POS
        item records every line waiting for it, and the lines it sends later.
      </p>
      <label className="check">
        <input
          type="checkbox"
          checked={includeMapped}
          onChange={(e) => {
            setIncludeMapped(e.target.checked);
            setPage(1);
          }}
        />{" "}
        Show mapped lines too
      </label>
      {mapped && <Done>{mapped}</Done>}
      {mappingItem && (
        <MapPosItem
          key={mappingItem.id}
          line={mappingItem}
          onMapped={(text) => {
            setMappingItem(null);
            setMapped(text);
          }}
          onCancel={() => setMappingItem(null)}
        />
      )}
      {mapping && (
        <MapLine
          key={mapping.id}
          line={mapping}
          onMapped={(text) => {
            setMapping(null);
            setMapped(text);
          }}
          onCancel={() => setMapping(null)}
        />
      )}
      <PagedRecords
        paged={{ list: lines, setPage }}
        noun="lines"
        loading="Loading unmapped lines…"
        empty={includeMapped ? "No POS line has ever gone unmatched." : "Every POS line matched a product. Nothing to map."}
      >
        {(items) => (
          <ul className="records" aria-label="Unmapped POS items">
            {items.map((line) => (
              <li key={line.id} data-id={line.id} className={line.status === "mapped" ? "revoked" : undefined}>
                <div className="record-title">{describeLine(line)}</div>
                <div className="record-meta">
                  {line.quantity} sold{line.unitPrice === null ? "" : ` at ${line.unitPrice.toFixed(2)} each`} · {locationName(line.locationId)} ·{" "}
                  {new Date(line.occurredAt).toLocaleString()}
                </div>
                <div className="record-meta">
                  POS sale {line.posTransactionId}, line {line.lineNumber}
                </div>
                {line.status === "mapped" ? (
                  <div className="record-meta">Mapped {line.mappedAt && new Date(line.mappedAt).toLocaleString()}</div>
                ) : (
                  <div className="record-actions">
                    {line.posItemId && (
                      <button
                        type="button"
                        aria-label={`Map the POS item ${describeLine(line)}`}
                        onClick={() => {
                          setMappingItem(line);
                          setMapping(null);
                          setMapped("");
                        }}
                      >
                        Map the POS item
                      </button>
                    )}
                    <button
                      type="button"
                      className="secondary"
                      aria-label={line.posItemId ? `Map only this line of ${describeLine(line)} to a product` : `Map ${describeLine(line)}`}
                      onClick={() => {
                        setMapping(line);
                        setMappingItem(null);
                        setMapped("");
                      }}
                    >
                      {line.posItemId ? "Only this line" : "Map to a product"}
                    </button>
                  </div>
                )}
              </li>
            ))}
          </ul>
        )}
      </PagedRecords>
    </section>
  );
}

function describeLine(line: UnmappedItem): string {
  if (line.posItemId) return `${line.itemName ?? "POS item"} (POS item ${line.posItemId})`;
  return [line.sku && `SKU ${line.sku}`, line.barcode && `barcode ${line.barcode}`].filter(Boolean).join(", ") || "A line without sku or barcode";
}

/** Maps a line's POS item on the menu, started from the line: every line waiting for it is recorded. */
function MapPosItem({ line, onMapped, onCancel }: { line: UnmappedItem; onMapped: (text: string) => void; onCancel: () => void }) {
  const menu = useMenu();
  const queries = useQueryClient();
  return (
    <PosItemForm
      start={{ posItemId: line.posItemId ?? "", name: line.itemName ?? "" }}
      menu={menu}
      onSaved={(saved) => {
        for (const key of ["unmapped", "menu", "inventory"]) void queries.invalidateQueries({ queryKey: [key] });
        onMapped(savedText(saved));
      }}
      onCancel={onCancel}
    />
  );
}

function MapLine({ line, onMapped, onCancel }: { line: UnmappedItem; onMapped: (text: string) => void; onCancel: () => void }) {
  const queries = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [search, setSearch] = useState("");
  const [q, setQ] = useState("");
  const [productId, setProductId] = useState("");
  useEffect(() => heading.current?.focus(), []);
  // Searches once typing pauses, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => setQ(search.trim()), 250);
    return () => clearTimeout(timer);
  }, [search]);
  const products = useQuery({
    queryKey: ["products", "choice", q],
    queryFn: () => apiFetch<Page<ProductChoice>>(withQuery("/api/v1/products", { q, page: 1, limit: 8 })),
    placeholderData: keepPreviousData,
  });
  const chosen = products.data?.items.find((p) => p.id === productId);
  const map = useMutation({
    mutationFn: (product: ProductChoice) =>
      apiFetch<UnmappedItem>(`/api/v1/integrations/unmapped/${line.id}/map`, { method: "POST", body: JSON.stringify({ productId: product.id }) }),
    onSuccess: (_, product) => {
      void queries.invalidateQueries({ queryKey: ["unmapped"] });
      void queries.invalidateQueries({ queryKey: ["inventory"] });
      onMapped(`${describeLine(line)} is now ${product.name}: ${line.quantity} sold on ${new Date(line.occurredAt).toLocaleString()} is recorded.`);
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen) map.mutate(chosen);
  }

  return (
    <form className="panel" onSubmit={submit} aria-labelledby="map-title">
      <h3 id="map-title" ref={heading} tabIndex={-1}>
        Which product is {describeLine(line)}?
      </h3>
      <div>
        <label htmlFor="map-search">Find the product</label>
        <input id="map-search" type="search" value={search} placeholder="Name, brand or SKU" onChange={(e) => setSearch(e.target.value)} />
      </div>
      <Problem error={products.error} />
      {products.isLoading && <Loading what="Searching products…" />}
      {products.data && products.data.items.length === 0 && <Empty>No product matches. Add it on the Products screen first, then map this line.</Empty>}
      {products.data && products.data.items.length > 0 && (
        <fieldset className="choices">
          <legend>Products</legend>
          {products.data.items.map((product) => (
            <label key={product.id} className="check">
              <input type="radio" name="map-product" value={product.id} checked={productId === product.id} onChange={() => setProductId(product.id)} />
              {product.name}
              <span className="choice-code">
                {product.sku}
                {product.sizeMl ? ` · ${product.sizeMl} ml` : ""}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      <FormProblem error={map.error} />
      <FormActions label={chosen ? `Record as ${line.quantity} × ${chosen.name}` : "Choose a product"} busyLabel="Recording…" busy={map.isPending} disabled={!chosen} onCancel={onCancel} />
    </form>
  );
}
