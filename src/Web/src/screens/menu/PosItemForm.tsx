import { useState } from "react";
import type { PosItemMapping, PosItemSaved } from "../../api/menu";
import { Field, SelectField } from "../../components/Field";
import { LocationOptions, useLocations } from "../../components/LocationPicker";
import { posItemBody, posItemValuesOf, type PosItemValues } from "../../forms/menuForms";
import { MenuForm } from "./MenuForm";
import { PourInput } from "./PourInput";
import { ProductChoice } from "./ProductChoice";
import type { Menu } from "./useMenu";

/**
 * What a POS item pours: a recipe, or a product by volume, serving size or whole units; for every location or one.
 * Started from a queued POS line (start), saving it records the lines that waited for it.
 */
export function PosItemForm({
  item,
  start,
  menu,
  onSaved,
  onCancel,
}: {
  item?: PosItemMapping;
  start?: Partial<Pick<PosItemValues, "posItemId" | "name" | "locationId">>;
  menu: Menu;
  onSaved: (saved: PosItemSaved) => void;
  onCancel: () => void;
}) {
  const [values, setValues] = useState(() => posItemValuesOf(item, menu.productName, start));
  const set = (change: Partial<PosItemValues>) => setValues((v) => ({ ...v, ...change }));
  const locations = useLocations();

  return (
    <MenuForm<PosItemSaved>
      title={item ? `Edit ${item.name}` : start?.name ? `Map ${start.name}` : "New POS item"}
      path="/api/v1/pos-items"
      editing={item?.id}
      check={() => posItemBody(values)}
      addLabel="Map POS item"
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <div className="form-grid">
        <Field id="pos-item-id" label="POS item id" hint="The id the till sends with the line." maxLength={128} value={values.posItemId} onChange={(e) => set({ posItemId: e.target.value })} />
        <Field id="pos-item-name" label="Item name" maxLength={200} value={values.name} onChange={(e) => set({ name: e.target.value })} />
        <SelectField id="pos-item-location" label="Where" value={values.locationId} onChange={(e) => set({ locationId: e.target.value })}>
          <option value="">Every location</option>
          <LocationOptions locations={locations.data?.items ?? []} />
        </SelectField>
        <SelectField id="pos-item-pours" label="Pours" value={values.pours} onChange={(e) => set({ pours: e.target.value as PosItemValues["pours"] })}>
          <option value="recipe">A recipe</option>
          <option value="product">A product</option>
        </SelectField>
      </div>
      {values.pours === "recipe" ? (
        <SelectField id="pos-item-recipe" label="Recipe" value={values.recipeId} onChange={(e) => set({ recipeId: e.target.value })}>
          <option value="">Choose…</option>
          {(menu.recipes.data?.items ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {r.name}
            </option>
          ))}
        </SelectField>
      ) : (
        <>
          <ProductChoice id="pos-item-product" label="Product" value={values.product} onChange={(product) => set({ product })} />
          <PourInput id="pos-item-pour" label="Each sold pours" value={values.pour} onChange={(pour) => set({ pour })} sizes={menu.servingSizes} />
        </>
      )}
    </MenuForm>
  );
}
