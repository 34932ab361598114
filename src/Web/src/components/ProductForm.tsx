import { useState, type FormEvent } from "react";
import { useMutation } from "@tanstack/react-query";
import { ApiError, apiFetch } from "../api/client";
import type { Product } from "../api/catalogue";
import { categories } from "../api/types";
import { useSupplierChoices } from "../api/useSuppliers";
import { emptyProduct, checkProduct, productBody, productValues, type ProductValues } from "../forms/productForm";
import { fieldErrorsOf, hasErrors, type FieldErrors } from "../forms/fieldErrors";
import { FormActions } from "./FormActions";
import { Field, SelectField, TextAreaField } from "./Field";

// The Api's conflicts name a field in their details too, but say it in its own words; these are plainer.
const conflictWords: Record<string, [string, string]> = {
  DUPLICATE_SKU: ["sku", "Another product already has this SKU."],
  DUPLICATE_BARCODE: ["barcode", "Another product already has this barcode."],
};

/** Adds a product, or changes one: the Api's rules are checked first, and its own refusals land beside the field. */
export function ProductForm({ product, onSaved, onCancel }: { product?: Product; onSaved: (p: Product) => void; onCancel: () => void }) {
  const [values, setValues] = useState<ProductValues>(product ? productValues(product) : emptyProduct);
  const [checked, setChecked] = useState<FieldErrors>({});
  const suppliers = useSupplierChoices();

  const save = useMutation({
    mutationFn: (body: object) =>
      apiFetch<Product>(product ? `/api/v1/products/${product.id}` : "/api/v1/products", { method: product ? "PUT" : "POST", body: JSON.stringify(body) }),
    onSuccess: onSaved,
  });

  const fromApi = fieldErrorsOf(save.error);
  if (save.error instanceof ApiError && conflictWords[save.error.code]) {
    const [field, words] = conflictWords[save.error.code];
    fromApi[field] = words;
  }
  const errors = { ...fromApi, ...checked };

  function set<K extends keyof ProductValues>(field: K, value: ProductValues[K]) {
    setValues((v) => ({ ...v, [field]: value }));
    if (save.error) save.reset();
    setChecked((c) => {
      const { [field]: _, ...rest } = c;
      return rest;
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const found = checkProduct(values);
    setChecked(found);
    if (hasErrors(found)) return;
    save.mutate(productBody(values));
  }

  const text = (field: keyof ProductValues, label: string, extra: Record<string, unknown> = {}) => (
    <Field id={`product-${field}`} label={label} value={values[field]} error={errors[field]} onChange={(e) => set(field, e.target.value as never)} {...extra} />
  );

  const activeSuppliers = suppliers.data?.items.filter((s) => s.isActive || s.id === values.supplierId) ?? [];
  return (
    <form className="panel" onSubmit={submit} noValidate aria-label={product ? `Edit ${product.name}` : "New product"}>
      <h2>{product ? `Edit ${product.name}` : "New product"}</h2>
      <div className="form-grid">
        {text("name", "Name", { autoComplete: "off" })}
        {text("sku", "SKU", { autoComplete: "off", maxLength: 64 })}
        <SelectField id="product-category" label="Category" value={values.category} error={errors.category} onChange={(e) => set("category", e.target.value as ProductValues["category"])}>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
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
        {text("casePack", "Bottles per case", { inputMode: "numeric" })}
        <div className="span">
          <TextAreaField id="product-description" label="Description" rows={3} value={values.description} error={errors.description} onChange={(e) => set("description", e.target.value)} />
        </div>
      </div>
      {hasErrors(checked) && (
        <p role="alert" className="error">
          Nothing was saved. Fix the fields marked in red.
        </p>
      )}
      {save.error && (
        <p role="alert" className="error">
          {save.error.message}
        </p>
      )}
      <FormActions label={product ? "Save changes" : "Add product"} busyLabel="Saving…" busy={save.isPending} onCancel={onCancel} />
    </form>
  );
}
