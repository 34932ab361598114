import { useState } from "react";
import type { PosModifierRule } from "../../api/menu";
import { Field, SelectField } from "../../components/Field";
import { modifierBody, modifierValuesOf, type ModifierAction, type ModifierValues } from "../../forms/menuForms";
import { MenuForm } from "./MenuForm";
import { PourInput } from "./PourInput";
import { ProductChoice } from "./ProductChoice";
import type { Menu } from "./useMenu";

const actions: Record<ModifierAction, string> = {
  multiply: "Multiply every pour (a double)",
  set_size: "Set the first pour's size (rocks, neat)",
  add: "Add a pour of a product (a float)",
  substitute: "Pour another product instead (a call or premium)",
  ignore: "Ignore (no stock effect)",
};

/** What a POS modifier does to the pours of the line it rides on. */
export function ModifierForm({ rule, menu, onSaved, onCancel }: { rule?: PosModifierRule; menu: Menu; onSaved: (saved: PosModifierRule) => void; onCancel: () => void }) {
  const [values, setValues] = useState(() => modifierValuesOf(rule, menu.productName));
  const set = (change: Partial<ModifierValues>) => setValues((v) => ({ ...v, ...change }));

  return (
    <MenuForm<PosModifierRule>
      title={rule ? `Edit ${rule.name}` : "New modifier rule"}
      path="/api/v1/pos-modifiers"
      editing={rule?.id}
      check={() => modifierBody(values)}
      addLabel="Add rule"
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <Field id="modifier-id" label="POS modifier id" maxLength={128} value={values.posModifierId} onChange={(e) => set({ posModifierId: e.target.value })} />
        <Field id="modifier-name" label="Modifier name" maxLength={200} value={values.name} onChange={(e) => set({ name: e.target.value })} />
        <SelectField id="modifier-action" label="It" value={values.action} onChange={(e) => set({ action: e.target.value as ModifierAction })}>
          {(Object.keys(actions) as ModifierAction[]).map((a) => (
            <option key={a} value={a}>
              {actions[a]}
            </option>
          ))}
        </SelectField>
        {values.action === "multiply" && (
          <Field id="modifier-factor" label="Factor" inputMode="decimal" hint="2 for a double." value={values.factor} onChange={(e) => set({ factor: e.target.value })} />
        )}
      </div>
      {(values.action === "add" || values.action === "substitute") && (
        <ProductChoice id="modifier-product" label={values.action === "add" ? "Adds" : "Pours instead"} value={values.product} onChange={(product) => set({ product })} />
      )}
      {values.action === "substitute" && (
        <>
          <ProductChoice id="modifier-replaces" label="In place of" value={values.replaces} onChange={(replaces) => set({ replaces })} />
          {!values.replaces.id && <p className="muted">None chosen: it replaces the first ingredient of the item.</p>}
        </>
      )}
      {(values.action === "add" || values.action === "set_size") && (
        <PourInput id="modifier-pour" label={values.action === "add" ? "Pour added" : "First pour becomes"} value={values.pour} onChange={(pour) => set({ pour })} sizes={menu.servingSizes} allowWhole={false} />
      )}
    </MenuForm>
  );
}
