import { useEffect, useRef, useState } from "react";
import type { SaleRecorded } from "../api/analytics";
import { isWatching, onEvent, onWatchingChange, watchLocation, watchOrganization } from "./hub";

/** Which sales a screen follows: some locations, or (admins) every location through the organisation's group. */
export type SalesScope = string[] | "organization";

/**
 * Calls onSale for every `sales:new` in scope while the screen is open. Answers whether the server has
 * confirmed every subscription, so the screen claims "live" only when sales will really arrive.
 */
export function useLiveSales(scope: SalesScope, onSale: (sale: SaleRecorded) => void): boolean {
  const handler = useRef(onSale);
  handler.current = onSale;
  const key = scope === "organization" ? scope : scope.join(",");
  const [watching, setWatching] = useState(false);

  useEffect(() => {
    if (key === "") return;
    const keys = key === "organization" ? ["organization"] : key.split(",");
    const inScope = (sale: SaleRecorded) => key === "organization" || keys.includes(sale.locationId);
    const stopListening = onEvent<SaleRecorded>("sales:new", (sale) => {
      if (inScope(sale)) handler.current(sale);
    });
    const unwatch = keys.map((k) => (k === "organization" ? watchOrganization() : watchLocation(k)));
    const check = () => setWatching(keys.every(isWatching));
    check();
    const stopChecking = onWatchingChange(check);
    return () => {
      stopListening();
      stopChecking();
      unwatch.forEach((stop) => stop());
      setWatching(false);
    };
  }, [key]);
  return watching;
}
