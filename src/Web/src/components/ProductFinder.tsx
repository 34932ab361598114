import { useRef, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ApiError, apiFetch, withQuery } from "../api/client";
import type { BarcodeMatch, Product } from "../api/catalogue";
import type { InventoryItem, Page } from "../api/types";
import { useSettled } from "./useSettled";
import { looksLikeBarcode } from "../forms/barcode";
import { Problem } from "./Status";
import "./Movement.css";

export interface Candidate {
  product: Pick<Product, "id" | "sku" | "name" | "cost">;
  /** On hand at the location searched, when the finder searches one location's stock. */
  onHand?: number;
}


/**
 * Finds a product by name, SKU or a typed barcode and hands it to onPick. With a locationId it searches what that
 * location stocks (a transfer can only move what is there) and shows the on-hand figure; else the whole catalogue.
 */
export function ProductFinder({
  onPick,
  locationId,
  id = "find-product",
  label = "Add a product",
  verb = "Add",
}: {
  onPick: (c: Candidate) => void;
  locationId?: string;
  id?: string;
  label?: string;
  /** The word on each match's button: Add to a list, Choose for a single product. */
  verb?: string;
}) {
  const [text, setText] = useState("");
  const settled = useSettled(text.trim());
  const input = useRef<HTMLInputElement>(null);
  const barcode = looksLikeBarcode(settled);

  const found = useQuery({
    queryKey: ["find-product", locationId ?? "", settled, barcode],
    enabled: settled !== "",
    retry: false,
    queryFn: async (): Promise<Candidate[]> => {
      if (barcode) return lookUp(settled, locationId);
      if (locationId) {
        const items = await apiFetch<Page<InventoryItem>>(withQuery("/api/v1/inventory/items", { locationId, q: settled, limit: 8 }));
        return items.items.map((i) => ({ product: { id: i.productId, sku: i.sku, name: i.name, cost: i.cost }, onHand: i.quantity }));
      }
      const products = await apiFetch<Page<Product>>(withQuery("/api/v1/products", { q: settled, limit: 8 }));
      return products.items.map((product) => ({ product }));
    },
  });

  function pick(candidate: Candidate) {
    onPick(candidate);
    setText("");
    input.current?.focus();
  }

  const results = settled === text.trim() ? found.data : undefined;
  return (
    <div className="finder">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        ref={input}
        type="search"
        value={text}
        autoComplete="off"
        placeholder="Name, SKU or barcode"
        aria-describedby={`${id}-hint`}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter takes the only match, as a scanner ends its code with Enter.
          if (e.key === "Enter") {
            e.preventDefault();
            if (results?.length === 1) pick(results[0]);
          }
        }}
      />
      <small id={`${id}-hint`} className="muted">
        {locationId ? "Searches what the source location has in stock." : "Type a barcode's digits to look it up."}
      </small>
      {found.isFetching && <p className="muted">Searching…</p>}
      <Problem error={found.error} />
      {results && results.length === 0 && (
        <p className="muted">{locationId ? `Nothing in stock here matches “${settled}”.` : `No product matches “${settled}”. Add it on the Products screen first.`}</p>
      )}
      {results && results.length > 0 && (
        <ul className="candidates" aria-label="Matching products">
          {results.map((c) => (
            <li key={c.product.id}>
              <button type="button" className="secondary" onClick={() => pick(c)}>
                {verb} {c.product.name} <span className="muted">({c.product.sku}{c.onHand !== undefined ? ` · ${c.onHand} on hand` : ""})</span>
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

async function lookUp(code: string, locationId?: string): Promise<Candidate[]> {
  let match: BarcodeMatch;
  try {
    match = await apiFetch<BarcodeMatch>(withQuery("/api/v1/products/lookup", { barcode: code }));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
  if (!locationId) return [{ product: match.product }];
  const stock = await apiFetch<{ locations: InventoryItem[] }>(`/api/v1/inventory/products/${match.product.id}`);
  const here = stock.locations.find((l) => l.locationId === locationId);
  return here ? [{ product: match.product, onHand: here.quantity }] : [];
}
