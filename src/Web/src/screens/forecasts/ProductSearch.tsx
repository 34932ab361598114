import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import { Problem } from "../../components/Status";

export interface ProductChoice {
  id: string;
  sku: string;
  name: string;
}

/** Finds a product by name, brand or sku (typos forgiven by the Api) and offers the matches as big buttons. */
export function ProductSearch({ chosen, onChoose }: { chosen: ProductChoice | null; onChoose: (product: ProductChoice) => void }) {
  const [text, setText] = useState("");
  const [q, setQ] = useState("");
  // Ask once the person pauses, not on every key press.
  useEffect(() => {
    const timer = setTimeout(() => setQ(text.trim()), 250);
    return () => clearTimeout(timer);
  }, [text]);
  const found = useQuery({
    queryKey: ["products", "search", q],
    queryFn: () => apiFetch<Page<ProductChoice>>(withQuery("/api/v1/products", { q, limit: 6 })),
    enabled: q !== "",
  });

  return (
    <div className="product-search">
      <label htmlFor="product-search">Product</label>
      <input id="product-search" type="search" value={text} placeholder="Name, brand or SKU" autoComplete="off" onChange={(e) => setText(e.target.value)} />
      <Problem error={found.error} />
      {q !== "" && found.data && found.data.items.length === 0 && <p className="muted">No product matches “{q}”.</p>}
      {q !== "" && found.data && found.data.items.length > 0 && (
        <ul className="choices" aria-label="Matching products">
          {found.data.items.map((p) => (
            <li key={p.id}>
              <button type="button" className={chosen?.id === p.id ? undefined : "secondary"} aria-pressed={chosen?.id === p.id} onClick={() => onChoose(p)}>
                {p.name} <span className="sku">{p.sku}</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="muted" role="status">
        {chosen ? `Chosen: ${chosen.name} (${chosen.sku})` : "Search, then tap the product to forecast."}
      </p>
    </div>
  );
}
