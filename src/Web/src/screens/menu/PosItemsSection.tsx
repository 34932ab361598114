import type { PosItemMapping } from "../../api/menu";
import { pourText, savedText } from "../../api/menu";
import { ActionsHeading, RowActions } from "../../components/ActionsColumn";
import { useLocations } from "../../components/LocationPicker";
import { RecordEditorPanels } from "../../components/RecordEditor";
import { Empty } from "../../components/Status";
import { useRecordEditor } from "../../components/useRecordEditor";
import { PosItemForm } from "./PosItemForm";
import { MenuSection } from "./MenuSection";
import type { Menu } from "./useMenu";

/** Each POS item the till rings and what it pours, to map, change and unmap. */
export function PosItemsSection({ menu }: { menu: Menu }) {
  const editor = useRecordEditor<PosItemMapping>({
    path: "/api/v1/pos-items",
    queryKey: "menu",
    removed: (i) => `${i.name} is unmapped: its next lines wait in the unmapped queue.`,
  });
  const locations = useLocations();
  const where = (id: string | null) => (id ? (locations.data?.items.find((l) => l.id === id)?.name ?? "one location") : "every location");
  const items = menu.items.data?.items;
  return (
    <MenuSection id="pos-items" title="POS items" editor={editor} addLabel="Map a POS item">
      <RecordEditorPanels
        editor={editor}
        form={(current) => <PosItemForm key={current?.id ?? "new"} item={current} menu={menu} onSaved={(s) => editor.finish(savedText(s))} onCancel={editor.close} />}
        removeAction="Unmap"
        removeQuestion={(i) => `Unmap ${i.name}? Its lines will wait in the unmapped queue until it is mapped again.`}
      />
      {items && items.length === 0 && <Empty>No POS item is mapped yet: lines the till sends by item id wait in the unmapped queue.</Empty>}
      {items && items.length > 0 && (
        <table aria-label="POS items">
          <thead>
            <tr>
              <th scope="col">POS id</th>
              <th scope="col">Name</th>
              <th scope="col">Pours</th>
              <th scope="col">Where</th>
              <ActionsHeading />
            </tr>
          </thead>
          <tbody>
            {items.map((i) => (
              <tr key={i.id}>
                <td>{i.posItemId}</td>
                <th scope="row">{i.name}</th>
                <td>{i.recipeId ? `recipe ${menu.recipeName(i.recipeId)}` : `${pourText(i, menu.sizeMap)} ${menu.productName(i.productId ?? "")}`}</td>
                <td>{where(i.locationId)}</td>
                <RowActions name={i.name} removeLabel="Unmap" onEdit={() => editor.open({ kind: "edit", record: i })} onRemove={() => editor.open({ kind: "remove", record: i })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </MenuSection>
  );
}
