import type { ServingSize } from "../../api/menu";
import { ounces } from "../../api/menu";
import type { PourMode, PourValues } from "../../forms/pour";

const modes: Record<PourMode, string> = { oz: "oz", ml: "ml", size: "Serving size", whole: "Whole units" };

/** A pour: an amount in ounces or millilitres, one of the bar's serving sizes, or (where it makes sense) whole units. */
export function PourInput({
  id,
  label,
  value,
  onChange,
  sizes,
  allowWhole = true,
}: {
  id: string;
  label: string;
  value: PourValues;
  onChange: (value: PourValues) => void;
  sizes: ServingSize[];
  allowWhole?: boolean;
}) {
  return (
    <fieldset className="pour">
      <legend>{label}</legend>
      <select aria-label={`${label}: measured in`} value={value.mode} onChange={(e) => onChange({ ...value, mode: e.target.value as PourMode })}>
        {(Object.keys(modes) as PourMode[])
          .filter((m) => allowWhole || m !== "whole")
          .map((m) => (
            <option key={m} value={m}>
              {modes[m]}
            </option>
          ))}
      </select>
      {value.mode === "size" ? (
        <select id={id} aria-label={`${label}: serving size`} value={value.servingSizeId} onChange={(e) => onChange({ ...value, servingSizeId: e.target.value })}>
          <option value="">Choose…</option>
          {sizes.map((s) => (
            <option key={s.id} value={s.id}>
              {s.name} ({ounces(s.volumeMl)} oz)
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          aria-label={`${label}: ${modes[value.mode]}`}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          size={6}
          value={value.amount}
          onChange={(e) => onChange({ ...value, amount: e.target.value })}
        />
      )}
    </fieldset>
  );
}
