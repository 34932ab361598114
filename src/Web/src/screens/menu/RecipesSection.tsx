import type { Recipe } from "../../api/menu";
import { pourText } from "../../api/menu";
import { ActionsHeading, RowActions } from "../../components/ActionsColumn";
import { RecordEditorPanels } from "../../components/RecordEditor";
import { Empty } from "../../components/Status";
import { useRecordEditor } from "../../components/useRecordEditor";
import { RecipeForm } from "./RecipeForm";
import { MenuSection } from "./MenuSection";
import type { Menu } from "./useMenu";

/** The bar's recipes, each with its pours, to add, change and delete. */
export function RecipesSection({ menu }: { menu: Menu }) {
  const editor = useRecordEditor<Recipe>({ path: "/api/v1/recipes", queryKey: "menu", removed: (r) => `The recipe ${r.name} is deleted.` });
  const recipes = menu.recipes.data?.items;
  return (
    <MenuSection id="recipes" title="Recipes" editor={editor} addLabel="Add recipe">
      <RecordEditorPanels
        editor={editor}
        form={(current) => <RecipeForm key={current?.id ?? "new"} recipe={current} menu={menu} onSaved={(r) => editor.finish(`Saved the recipe ${r.name}.`)} onCancel={editor.close} />}
        removeAction="Delete"
        removeQuestion={(r) => `Delete the recipe ${r.name}? A recipe a POS item still pours cannot be deleted.`}
      />
      {recipes && recipes.length === 0 && <Empty>No recipes yet. Add the house cocktails, then map the POS items that ring them.</Empty>}
      {recipes && recipes.length > 0 && (
        <table aria-label="Recipes">
          <thead>
            <tr>
              <th scope="col">Recipe</th>
              <th scope="col">Pours</th>
              <ActionsHeading />
            </tr>
          </thead>
          <tbody>
            {recipes.map((r) => (
              <tr key={r.id}>
                <th scope="row">{r.name}</th>
                <td>{r.ingredients.map((i) => (i.productId ? `${pourText(i, menu.sizeMap)} ${menu.productName(i.productId)}` : `${i.name} (not tracked)`)).join(", ")}</td>
                <RowActions name={r.name} removeLabel="Delete" onEdit={() => editor.open({ kind: "edit", record: r })} onRemove={() => editor.open({ kind: "remove", record: r })} />
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </MenuSection>
  );
}
