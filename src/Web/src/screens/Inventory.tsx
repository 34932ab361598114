import { useEffect, useState } from "react";
import { useSettled } from "../components/useSettled";
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../api/client";
import type { InventoryItem, Page } from "../api/types";
import { CategorySuggestions } from "../components/ProductForm";
import { Shell } from "../layout/Shell";
import { LocationPicker, useLocationChoice } from "../components/LocationPicker";
import { PagedRecords } from "../components/PagedRecords";
import { useLiveInventory } from "../live/useLiveInventory";

const pageSize = 50;

export interface InventoryFilter {
  locationId: string;
  q: string;
  category: string;
  lowStock: boolean;
  page: number;
}

export function inventoryPath(filter: InventoryFilter, limit = pageSize): string {
  return withQuery("/api/v1/inventory/items", {
    locationId: filter.locationId,
    q: filter.q.trim(),
    category: filter.category.trim() || undefined,
    lowStock: filter.lowStock ? "true" : undefined,
    page: filter.page,
    limit,
  });
}

export default function Inventory() {
  const [locationId, setLocationId] = useLocationChoice();
  const [search, setSearch] = useState("");
  const [category, setCategory] = useState("");
  const [lowStock, setLowStock] = useState(false);
  const [page, setPage] = useState(1);
  const q = useSettled(search);
  useEffect(() => setPage(1), [locationId, q, category, lowStock]);

  const filter: InventoryFilter = { locationId, q, category, lowStock, page };
  const items = useQuery({
    queryKey: ["inventory", locationId, q, category, lowStock, page],
    queryFn: () => apiFetch<Page<InventoryItem>>(inventoryPath(filter)),
    enabled: locationId !== "",
    placeholderData: keepPreviousData,
  });
  useLiveInventory(locationId);

  const filtered = q !== "" || category !== "" || lowStock;
  return (
    <Shell title="Inventory">
      <div className="filters">
        <LocationPicker value={locationId} onChange={setLocationId} />
        <div>
          <label htmlFor="search">Search</label>
          <input id="search" type="search" value={search} placeholder="Name or SKU" onChange={(e) => setSearch(e.target.value)} />
        </div>
        <div>
          <label htmlFor="category">Category</label>
          <input id="category" list="category-suggestions" autoComplete="off" value={category} placeholder="All categories" onChange={(e) => setCategory(e.target.value)} />
          <CategorySuggestions />
        </div>
        <label className="check">
          <input type="checkbox" checked={lowStock} onChange={(e) => setLowStock(e.target.checked)} /> Below par only
        </label>
      </div>
      <PagedRecords
        paged={{ list: items, setPage }}
        noun="items"
        empty={filtered ? "No items match these filters." : "Nothing is stocked at this location yet. Receive a delivery or add products to start."}
      >
        {(rows) => (
          <table aria-label="Inventory items">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">SKU</th>
                <th scope="col" className="wide">
                  Category
                </th>
                <th scope="col" className="num">
                  Qty
                </th>
                <th scope="col" className="num">
                  Par
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((item) => (
                <tr key={item.id} data-product-id={item.productId} className={item.negativeStock ? "negative" : item.lowStock ? "low" : undefined}>
                  <td>{item.name}</td>
                  <td>{item.sku}</td>
                  <td className="wide">{item.category}</td>
                  <td className="num" data-label="quantity">
                    {item.quantity}
                  </td>
                  <td className="num">{item.parLevel || "—"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </PagedRecords>
    </Shell>
  );
}
