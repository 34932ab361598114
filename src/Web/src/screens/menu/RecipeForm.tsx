import { useState } from "react";
import type { Recipe } from "../../api/menu";
import { Field } from "../../components/Field";
import { recipeBody, recipeValuesOf, type IngredientValues } from "../../forms/menuForms";
import { newPour } from "../../forms/pour";
import { MenuForm } from "./MenuForm";
import { PourInput } from "./PourInput";
import { ProductChoice } from "./ProductChoice";
import type { Menu } from "./useMenu";

/** A recipe: its name and its ingredients, each a product with its pour or an untracked name (lime juice). */
export function RecipeForm({ recipe, menu, onSaved, onCancel }: { recipe?: Recipe; menu: Menu; onSaved: (saved: Recipe) => void; onCancel: () => void }) {
  const [values, setValues] = useState(() => recipeValuesOf(recipe, menu.productName));
  const [nextKey, setNextKey] = useState(values.ingredients.length);
  const setRow = (key: number, change: Partial<IngredientValues>) =>
    setValues((v) => ({ ...v, ingredients: v.ingredients.map((row) => (row.key === key ? { ...row, ...change } : row)) }));
  const addRow = (tracked: boolean) => {
    setValues((v) => ({ ...v, ingredients: [...v.ingredients, { key: nextKey, tracked, product: { id: "", name: "" }, name: "", pour: newPour }] }));
    setNextKey((k) => k + 1);
  };

  return (
    <MenuForm<Recipe>
      title={recipe ? `Edit ${recipe.name}` : "New recipe"}
      path="/api/v1/recipes"
      editing={recipe?.id}
      check={() => recipeBody(values)}
      addLabel="Add recipe"
      onSaved={onSaved}
      onCancel={onCancel}
    >
      <Field id="recipe-name" label="Recipe name" value={values.name} maxLength={100} onChange={(e) => setValues((v) => ({ ...v, name: e.target.value }))} />
      <ol className="ingredients" aria-label="Ingredients">
        {values.ingredients.map((row, n) => (
          <li key={row.key}>
            {row.tracked ? (
              <>
                <ProductChoice id={`ingredient-${row.key}`} label={`Ingredient ${n + 1}`} value={row.product} onChange={(product) => setRow(row.key, { product })} />
                {row.product.id && <PourInput id={`ingredient-${row.key}-pour`} label={`Pour of ${row.product.name}`} value={row.pour} onChange={(pour) => setRow(row.key, { pour })} sizes={menu.servingSizes} />}
              </>
            ) : (
              <Field
                id={`ingredient-${row.key}-name`}
                label={`Ingredient ${n + 1} (not tracked)`}
                hint="Lime juice, syrup: named in the recipe, ignored by stock."
                value={row.name}
                onChange={(e) => setRow(row.key, { name: e.target.value })}
              />
            )}
            <button type="button" className="secondary" aria-label={`Remove ingredient ${n + 1}`} onClick={() => setValues((v) => ({ ...v, ingredients: v.ingredients.filter((r) => r.key !== row.key) }))}>
              Remove
            </button>
          </li>
        ))}
      </ol>
      <div className="row-actions">
        <button type="button" className="secondary" onClick={() => addRow(true)}>
          Add a product
        </button>
        <button type="button" className="secondary" onClick={() => addRow(false)}>
          Add an untracked ingredient
        </button>
      </div>
    </MenuForm>
  );
}
