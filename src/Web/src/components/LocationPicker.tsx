import { useCallback, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import type { Location, Page } from "../api/types";

const rememberedKey = "ipf.location";

/** The open locations of the organisation; cached for the session. */
export function useLocations() {
  return useQuery({
    queryKey: ["locations"],
    queryFn: () => apiFetch<Page<Location>>("/api/v1/locations?page=1&limit=100"),
    staleTime: 5 * 60_000,
  });
}

/**
 * The location a screen works on: the one chosen last on this device (a bar manager works one bar),
 * else the first open one. Empty until the locations have loaded.
 */
export function useLocationChoice(): [string, (id: string) => void] {
  const locations = useLocations();
  const [picked, setPicked] = useState(() => localStorage.getItem(rememberedKey) ?? "");
  const items = locations.data?.items ?? [];
  const chosen = items.some((l) => l.id === picked) ? picked : (items[0]?.id ?? "");
  const choose = useCallback((id: string) => {
    localStorage.setItem(rememberedKey, id);
    setPicked(id);
  }, []);
  return [chosen, choose];
}

/** One option per location, for a select that may offer more (all locations, the whole business) around them. */
export function LocationOptions({ locations }: { locations: Location[] }) {
  return (
    <>
      {locations.map((l) => (
        <option key={l.id} value={l.id}>
          {l.name}
        </option>
      ))}
    </>
  );
}

export function LocationPicker({ value, onChange, id = "location", label = "Location" }: { value: string; onChange: (id: string) => void; id?: string; label?: string }) {
  const locations = useLocations();
  return (
    <div>
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.target.value)}>
        {locations.isLoading && <option value="">Loading…</option>}
        <LocationOptions locations={locations.data?.items ?? []} />
      </select>
    </div>
  );
}
