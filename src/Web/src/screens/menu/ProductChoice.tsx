import { ProductFinder } from "../../components/ProductFinder";
import type { Chosen } from "../../forms/menuForms";

/** One product of a menu form: the one chosen, with a way to change it, or the catalogue search to choose it. */
export function ProductChoice({ id, label, value, onChange }: { id: string; label: string; value: Chosen; onChange: (value: Chosen) => void }) {
  if (value.id)
    return (
      <div className="chosen-product">
        <span>
          {label}: <strong>{value.name}</strong>
        </span>{" "}
        <button type="button" className="secondary" onClick={() => onChange({ id: "", name: "" })}>
          Change
        </button>
      </div>
    );
  return <ProductFinder id={id} label={label} verb="Choose" onPick={(c) => onChange({ id: c.product.id, name: c.product.name })} />;
}
