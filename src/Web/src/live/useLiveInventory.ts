import { useEffect, useState } from "react";
import { useQueryClient } from "@tanstack/react-query";
import type { InventoryItem, InventoryUpdated, Page } from "../api/types";
import { liveState, onEvent, onLiveState, watchLocation, type LiveState } from "./hub";

/**
 * Keeps the cached inventory pages of a location current: each `inventory:updated` sets the new
 * quantity at once, and the pages are refetched a moment later for what follows from it (low stock).
 */
export function useLiveInventory(locationId: string): void {
  const queries = useQueryClient();
  useEffect(() => {
    if (!locationId) return;
    let refetch: ReturnType<typeof setTimeout> | null = null;
    const stop = onEvent<InventoryUpdated>("inventory:updated", (event) => {
      if (event.locationId !== locationId) return;
      queries.setQueriesData<Page<InventoryItem>>({ queryKey: ["inventory", locationId] }, (page) => applyUpdate(page, event));
      refetch ??= setTimeout(() => {
        refetch = null;
        void queries.invalidateQueries({ queryKey: ["inventory", locationId] });
      }, 3_000);
    });
    const unwatch = watchLocation(locationId);
    return () => {
      stop();
      unwatch();
      if (refetch) clearTimeout(refetch);
    };
  }, [locationId, queries]);
}

/** The page with the event's product at its new quantity; the same page when it is not on it. */
export function applyUpdate(page: Page<InventoryItem> | undefined, event: InventoryUpdated): Page<InventoryItem> | undefined {
  if (!page || !page.items.some((item) => item.productId === event.productId)) return page;
  return {
    ...page,
    items: page.items.map((item) =>
      item.productId === event.productId
        ? { ...item, quantity: event.newQuantity, lowStock: item.parLevel > 0 && event.newQuantity < item.parLevel, negativeStock: event.newQuantity < 0 }
        : item,
    ),
  };
}

/** The live connection's state, for a badge. */
export function useLiveState(): LiveState {
  const [state, setState] = useState(liveState());
  useEffect(() => onLiveState(setState), []);
  return state;
}
