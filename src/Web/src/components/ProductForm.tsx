import type { Product } from "../api/catalogue";
import { complianceClasses, suggestedCategories } from "../api/types";
import { useSupplierChoices } from "../api/useSuppliers";
import { emptyProduct, checkProduct, productBody, productValues, type ProductValues } from "../forms/productForm";
import { Field, SelectField, TextAreaField } from "./Field";
import { RecordForm } from "./RecordForm";

// The Api's conflicts name a field in their details too, but say it in its own words; these are plainer.
const conflictWords: Record<string, [string, string]> = {
  DUPLICATE_SKU: ["sku", "Another product already has this SKU."],
  DUPLICATE_BARCODE: ["barcode", "Another product already has this barcode."],
};

const classNames: Record<string, string> = { spirits: "Spirits", wine: "Wine", beer: "Beer / malt beverage", cider: "Cider", non_alcoholic: "Non-alcoholic", other: "Other" };

/** The category names offered while typing (any other is as good), for every category input of the app. */
export function CategorySuggestions() {
  return (
    <datalist id="category-suggestions">
      {suggestedCategories.map((c) => (
        <option key={c} value={c} />
      ))}
    </datalist>
  );
}

/** Adds a product, or changes one: the Api's rules are checked first, and its own refusals land beside the field. */
export function ProductForm({ product, onSaved, onCancel }: { product?: Product; onSaved: (p: Product) => void; onCancel: () => void }) {
  const suppliers = useSupplierChoices();
  return (
    <RecordForm<ProductValues, Product>
      title={product ? `Edit ${product.name}` : "New product"}
      path="/api/v1/products"
      editing={product?.id}
      initial={product ? productValues(product) : emptyProduct}
      check={checkProduct}
      body={productBody}
      addLabel="Add product"
      conflicts={conflictWords}
      onSaved={onSaved}
      onCancel={onCancel}
    >
      {(values, errors, set) => {
        const text = (field: keyof ProductValues, label: string, extra: Record<string, unknown> = {}) => (
          <Field id={`product-${field}`} label={label} value={values[field]} error={errors[field]} onChange={(e) => set(field, e.target.value)} {...extra} />
        );
        const activeSuppliers = suppliers.data?.items.filter((s) => s.isActive || s.id === values.supplierId) ?? [];
        return (
          <>
            {text("name", "Name", { autoComplete: "off" })}
            {text("sku", "SKU", { autoComplete: "off", maxLength: 64 })}
            {text("category", "Category", { list: "category-suggestions", autoComplete: "off", maxLength: 50, hint: "Your own name for it: Whiskey, Red Wine, IPA." })}
            <CategorySuggestions />
            <SelectField
              id="product-complianceClass"
              label="Class for reports"
              value={values.complianceClass}
              error={errors.complianceClass}
              hint="What ABC, TTB and tax figures count it as."
              onChange={(e) => set("complianceClass", e.target.value)}
            >
              <option value="">{product ? `Keep ${classNames[product.complianceClass] ?? product.complianceClass} (from the category if it changes)` : "From the category"}</option>
              {complianceClasses.map((c) => (
                <option key={c} value={c}>
                  {classNames[c]}
                </option>
              ))}
            </SelectField>
            {text("sizeMl", "Size (ml)", { inputMode: "numeric" })}
            {text("abv", "ABV (%)", { inputMode: "decimal" })}
            {text("cost", "Cost per bottle", { inputMode: "decimal" })}
            {text("price", "Price per bottle", { inputMode: "decimal" })}
            <SelectField id="product-supplier" label="Supplier" value={values.supplierId} error={errors.supplierId} onChange={(e) => set("supplierId", e.target.value)}>
              <option value="">{product?.supplierId ? "Keep the current supplier" : "No supplier"}</option>
              {activeSuppliers.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </SelectField>
            {text("barcode", "Barcode", { inputMode: "numeric", autoComplete: "off", hint: "UPC or EAN digits from the label, optional." })}
            {text("brand", "Brand")}
            {text("imageUrl", "Picture (web address)", { inputMode: "url", autoComplete: "off", hint: "Optional: https://… of the bottle's photo." })}
            <SelectField id="product-carried" label="Carried" value={values.carried} onChange={(e) => set("carried", e.target.value)}>
              <option value="yes">Yes: in lists, counts and orders</option>
              <option value="no">No longer: kept with its history only</option>
            </SelectField>
            {text("casePack", "Bottles per case", { inputMode: "numeric" })}
            <div className="span">
              <TextAreaField id="product-description" label="Description" rows={3} value={values.description} error={errors.description} onChange={(e) => set("description", e.target.value)} />
            </div>
          </>
        );
      }}
    </RecordForm>
  );
}
