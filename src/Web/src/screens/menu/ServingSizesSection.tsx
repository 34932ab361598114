import { ounces, type ServingSize } from "../../api/menu";
import { ActionsHeading, RowActions } from "../../components/ActionsColumn";
import { Field, SelectField } from "../../components/Field";
import { RecordEditorPanels } from "../../components/RecordEditor";
import { RecordForm } from "../../components/RecordForm";
import { useRecordEditor } from "../../components/useRecordEditor";
import { checkServingSize, servingSizeBody, servingSizeValuesOf, type ServingSizeValues } from "../../forms/menuForms";
import { MenuSection } from "./MenuSection";
import type { Menu } from "./useMenu";

/** The bar's named pours (a shot, a double, a pint), smallest first; a pour by serving size follows its change. */
export function ServingSizesSection({ menu }: { menu: Menu }) {
  const editor = useRecordEditor<ServingSize>({ path: "/api/v1/serving-sizes", queryKey: "menu", removed: (s) => `The serving size ${s.name} is deleted.` });
  return (
    <MenuSection id="sizes" title="Serving sizes" editor={editor} addLabel="Add serving size">
      <RecordEditorPanels
        editor={editor}
        form={(current) => (
          <RecordForm<ServingSizeValues, ServingSize>
            key={current?.id ?? "new"}
            title={current ? `Edit ${current.name}` : "New serving size"}
            path="/api/v1/serving-sizes"
            editing={current?.id}
            initial={servingSizeValuesOf(current)}
            check={checkServingSize}
            body={servingSizeBody}
            addLabel="Add serving size"
            conflicts={{ CONFLICT: ["name", "A serving size of that name exists already."] }}
            onSaved={(s) => editor.finish(`Saved ${s.name}: ${ounces(s.volumeMl)} oz.`)}
            onCancel={editor.close}
          >
            {(values, errors, set) => (
              <>
                <Field id="size-name" label="Serving size" maxLength={100} value={values.name} error={errors.name} onChange={(e) => set("name", e.target.value)} />
                <Field id="size-amount" label="Volume" inputMode="decimal" value={values.amount} error={errors.volume ?? errors.volumeOz ?? errors.volumeMl} onChange={(e) => set("amount", e.target.value)} />
                <SelectField id="size-unit" label="In" value={values.unit} onChange={(e) => set("unit", e.target.value)}>
                  <option value="oz">oz</option>
                  <option value="ml">ml</option>
                </SelectField>
              </>
            )}
          </RecordForm>
        )}
        removeAction="Delete"
        removeQuestion={(s) => `Delete the serving size ${s.name}? One still poured by a recipe, POS item or modifier cannot be deleted.`}
      />
      {menu.sizes.data && (
        <table aria-label="Serving sizes">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">oz</th>
              <th scope="col">ml</th>
              <ActionsHeading />
            </tr>
          </thead>
          <tbody>
            {menu.servingSizes.map((s) => (
              <tr key={s.id}>
                <th scope="row">{s.name}</th>
                <td>{ounces(s.volumeMl)}</td>
                <td>{s.volumeMl}</td>
                <RowActions name={s.name} removeLabel="Delete" onEdit={() => editor.open({ kind: "edit", record: s })} onRemove={() => editor.open({ kind: "remove", record: s })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </MenuSection>
  );
}
