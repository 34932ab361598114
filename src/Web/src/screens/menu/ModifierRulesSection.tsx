import type { PosModifierRule } from "../../api/menu";
import { ruleText } from "../../api/menu";
import { ActionsHeading, RowActions } from "../../components/ActionsColumn";
import { RecordEditorPanels } from "../../components/RecordEditor";
import { Empty } from "../../components/Status";
import { useRecordEditor } from "../../components/useRecordEditor";
import { ModifierForm } from "./ModifierForm";
import { MenuSection } from "./MenuSection";
import type { Menu } from "./useMenu";

/** What each POS modifier does to a pour; a modifier without a rule is ignored. */
export function ModifierRulesSection({ menu }: { menu: Menu }) {
  const editor = useRecordEditor<PosModifierRule>({ path: "/api/v1/pos-modifiers", queryKey: "menu", removed: (m) => `The rule for ${m.name} is deleted: the modifier is ignored now.` });
  const rules = menu.rules.data?.items;
  return (
    <MenuSection id="modifiers" title="Modifier rules" editor={editor} addLabel="Add modifier rule">
      <p className="muted">Applied in one order whatever the till sends: set size, substitute, add, multiply.</p>
      <RecordEditorPanels
        editor={editor}
        form={(current) => <ModifierForm key={current?.id ?? "new"} rule={current} menu={menu} onSaved={(m) => editor.finish(`Saved the rule for ${m.name}.`)} onCancel={editor.close} />}
        removeAction="Delete"
        removeQuestion={(m) => `Delete the rule for ${m.name}? The modifier will be ignored.`}
      />
      {rules && rules.length === 0 && <Empty>No modifier rules: every modifier the till sends is ignored.</Empty>}
      {rules && rules.length > 0 && (
        <table aria-label="Modifier rules">
          <thead>
            <tr>
              <th scope="col">POS id</th>
              <th scope="col">Name</th>
              <th scope="col">Does</th>
              <ActionsHeading />
            </tr>
          </thead>
          <tbody>
            {rules.map((m) => (
              <tr key={m.id}>
                <td>{m.posModifierId}</td>
                <th scope="row">{m.name}</th>
                <td>{ruleText(m, menu.sizeMap, menu.productName)}</td>
                <RowActions name={m.name} removeLabel="Delete" onEdit={() => editor.open({ kind: "edit", record: m })} onRemove={() => editor.open({ kind: "remove", record: m })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </MenuSection>
  );
}
