import { useId } from "react";
import { useQuery } from "@tanstack/react-query";
import { apiFetch } from "../api/client";
import type { Product } from "../api/catalogue";
import { parseGrams, type BottleWeights, type OpenBottle } from "./openBottle";

export type OpenMode = "none" | "tenths" | "weight";

/** The product's scale figures, when it has both weights (fetched once per product). */
export function useBottleWeights(productId: string): BottleWeights | null {
  const product = useQuery({ queryKey: ["product", productId], queryFn: () => apiFetch<Product>(`/api/v1/products/${productId}`), staleTime: 300_000, retry: 1 });
  const p = product.data;
  return p && p.fullWeightG && p.emptyWeightG && p.sizeMl
    ? { sizeMl: p.sizeMl, fullWeightG: p.fullWeightG, emptyWeightG: p.emptyWeightG, densityGPerMl: p.densityGPerMl }
    : null;
}

export interface OpenBottleInputProps {
  mode: OpenMode;
  onMode: (mode: OpenMode) => void;
  tenths: number;
  onTenths: (tenths: number) => void;
  grams: string;
  onGrams: (grams: string) => void;
  weighable: boolean;
}

/** The open bottle beside the whole ones: none, tenths on a slider (or its buttons), or its weight on a scale. */
export function OpenBottleInput({ mode, onMode, tenths, onTenths, grams, onGrams, weighable }: OpenBottleInputProps) {
  const id = useId();
  return (
    <fieldset className="open-bottle">
      <legend>Open bottle</legend>
      <div className="segmented" role="radiogroup" aria-label="Measure the open bottle by">
        {(["none", "tenths", ...(weighable ? ["weight"] : [])] as OpenMode[]).map((m) => (
          <label key={m}>
            <input type="radio" name={`${id}-mode`} value={m} checked={mode === m} onChange={() => onMode(m)} />
            {m === "none" ? "None" : m === "tenths" ? "Tenths" : "Weight"}
          </label>
        ))}
      </div>
      {mode === "tenths" && (
        <div className="tenths">
          <label htmlFor={`${id}-tenths`}>Tenths left</label>
          <input id={`${id}-tenths`} type="range" min={0} max={9} step={1} value={tenths} onChange={(e) => onTenths(Number(e.target.value))} />
          <output htmlFor={`${id}-tenths`}>{(tenths / 10).toFixed(1)}</output>
          <div className="tenths-keys" role="group" aria-label="Tenths">
            {Array.from({ length: 10 }, (_, n) => (
              <button key={n} type="button" className={n === tenths ? "" : "secondary"} aria-pressed={n === tenths} onClick={() => onTenths(n)}>
                .{n}
              </button>
            ))}
          </div>
        </div>
      )}
      {mode === "weight" && (
        <div>
          <label htmlFor={`${id}-grams`}>Weight of the open bottle (g)</label>
          <input id={`${id}-grams`} type="text" inputMode="decimal" autoComplete="off" value={grams} onChange={(e) => onGrams(e.target.value)} />
        </div>
      )}
    </fieldset>
  );
}

/** The open bottle as the count sends it, or null when there is none. */
export function openOf(mode: OpenMode, tenths: number, grams: string): OpenBottle | null {
  if (mode === "tenths") return { tenths };
  if (mode === "weight") return { weightG: parseGrams(grams) ?? Number.NaN };
  return null;
}
