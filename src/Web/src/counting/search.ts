import { apiFetch, withQuery } from "../api/client";
import type { InventoryItem, Page } from "../api/types";

// Finding the bottle to count. The whole list of the location is kept on the phone and searched there,
// so a bar whose Wi-Fi drops mid-count still finds what it counts, and a count of 400 bottles does not
// spend a call of the organisation's hourly allowance on every search. The Api searches only until
// the list has loaded, or for a location too large to keep whole.

export const resultLimit = 20;
const pageLimit = 200;
const mostPages = 25;

export function searchPath(locationId: string, q: string): string {
  return withQuery("/api/v1/inventory/items", { locationId, q: q.trim(), limit: resultLimit });
}

/** The Api's rule: every word of the search appears in the name or the SKU, ignoring case. */
export function matchesEveryWord(item: Pick<InventoryItem, "name" | "sku">, q: string): boolean {
  const name = item.name.toLocaleLowerCase();
  const sku = item.sku.toLocaleLowerCase();
  return q
    .toLocaleLowerCase()
    .split(/\s+/)
    .filter((word) => word !== "")
    .every((word) => name.includes(word) || sku.includes(word));
}

/** The same answer as the Api's search, from the list kept for offline use. */
export function searchOffline(items: InventoryItem[], q: string, limit = resultLimit): Page<InventoryItem> {
  const matching = items.filter((item) => matchesEveryWord(item, q));
  return { items: matching.slice(0, limit), pagination: { page: 1, limit, total: matching.length, pages: Math.ceil(matching.length / limit) } };
}

/** Whether the kept list holds the whole location (it stops at 5,000 items), so searching it answers as the Api would. */
export function keptListIsWhole(list: Page<InventoryItem>): boolean {
  return list.items.length < pageLimit * mostPages;
}

/** Every item of a location, page by page (a Page, so live updates and invalidation apply to it as to any list). */
export async function fetchWholeList(locationId: string): Promise<Page<InventoryItem>> {
  const items: InventoryItem[] = [];
  let page = 1;
  let pages = 1;
  do {
    const answer = await apiFetch<Page<InventoryItem>>(withQuery("/api/v1/inventory/items", { locationId, page, limit: pageLimit }));
    items.push(...answer.items);
    pages = answer.pagination.pages;
    page++;
  } while (page <= pages && page <= mostPages);
  return { items, pagination: { page: 1, limit: items.length, total: items.length, pages: 1 } };
}
