import type { Product, ProductBody } from "../api/catalogue";
import { complianceClasses, type ComplianceClass } from "../api/types";
import { barcodeProblem } from "./barcode";
import { centsOf } from "./money";
import type { FieldErrors } from "./fieldErrors";

/** The product form as typed: every input is text until it is sent. */
export interface ProductValues {
  sku: string;
  name: string;
  category: string;
  /** "" leaves the class to the Api: derived from the category (or, on an edit, kept unless the category changes). */
  complianceClass: ComplianceClass | "";
  /** "yes" while the product is carried; "no" keeps it with its history but out of lists and counting. */
  carried: "yes" | "no";
  imageUrl: string;
  sizeMl: string;
  abv: string;
  cost: string;
  price: string;
  supplierId: string;
  barcode: string;
  brand: string;
  casePack: string;
  description: string;
}

export const emptyProduct: ProductValues = {
  sku: "",
  name: "",
  category: "",
  complianceClass: "",
  carried: "yes",
  imageUrl: "",
  sizeMl: "750",
  abv: "",
  cost: "",
  price: "",
  supplierId: "",
  barcode: "",
  brand: "",
  casePack: "",
  description: "",
};

export function productValues(product: Product): ProductValues {
  return {
    sku: product.sku,
    name: product.name,
    category: product.category,
    complianceClass: "",
    carried: product.isActive === false ? "no" : "yes",
    imageUrl: product.imageUrl ?? "",
    sizeMl: String(product.sizeMl),
    abv: String(product.abv),
    cost: product.cost.toFixed(2),
    price: product.price.toFixed(2),
    supplierId: product.supplierId ?? "",
    barcode: product.barcode ?? "",
    brand: product.brand ?? "",
    casePack: product.casePack === null ? "" : String(product.casePack),
    description: product.description ?? "",
  };
}

const whole = /^\d+$/;

function wholeIn(text: string, min: number, max: number): boolean {
  return whole.test(text.trim()) && Number(text) >= min && Number(text) <= max;
}

/** The Api's rules for a product (CatalogueRules), checked before sending; keyed by field like the Api's details. */
export function checkProduct(values: ProductValues): FieldErrors {
  const errors: FieldErrors = {};
  const sku = values.sku.trim();
  if (sku === "") errors.sku = "Enter the SKU.";
  else if (sku.length > 64) errors.sku = "The SKU may have at most 64 characters.";
  const name = values.name.trim();
  if (name === "") errors.name = "Enter the product's name.";
  else if (name.length > 200) errors.name = "The name may have at most 200 characters.";
  const category = values.category.trim();
  if (category === "") errors.category = "Enter a category: your own name for it (Whiskey, Red Wine, IPA).";
  else if (category.length > 50) errors.category = "The category may have at most 50 characters.";
  if (values.complianceClass !== "" && !complianceClasses.includes(values.complianceClass)) errors.complianceClass = "Choose a class from the list.";
  if (values.sizeMl.trim() === "") errors.sizeMl = "Enter the bottle size in ml, e.g. 750.";
  else if (!wholeIn(values.sizeMl, 1, 100_000)) errors.sizeMl = "The size must be a whole number of ml from 1 to 100000.";
  const abv = values.abv.trim();
  if (abv === "") errors.abv = "Enter the ABV (0 for alcohol-free).";
  else if (!/^\d+(\.\d{1,2})?$/.test(abv) || Number(abv) > 100) errors.abv = "The ABV must be a percentage from 0 to 100 with at most 2 decimals.";
  for (const field of ["cost", "price"] as const) {
    const label = field === "cost" ? "cost" : "price";
    if (values[field].trim() === "") errors[field] = `Enter the ${label} of one bottle.`;
    else if (centsOf(values[field]) === null) errors[field] = `The ${label} must be an amount like 12.50.`;
  }
  if (values.barcode.trim() !== "") {
    const problem = values.barcode.trim().length > 32 ? "The barcode may have at most 32 characters." : barcodeProblem(values.barcode);
    if (problem) errors.barcode = problem;
  }
  const image = values.imageUrl.trim();
  if (image !== "" && (image.length > 2000 || !/^https?:\/\/\S+$/i.test(image))) errors.imageUrl = "The picture must be a web address starting with https://.";
  if (values.brand.trim().length > 200) errors.brand = "The brand may have at most 200 characters.";
  if (values.casePack.trim() !== "" && !wholeIn(values.casePack, 1, 1000)) errors.casePack = "A case holds a whole number of bottles from 1 to 1000.";
  if (values.description.length > 2000) errors.description = "The description may have at most 2000 characters.";
  return errors;
}

/** The request body; empty optional fields are left out (the Api keeps what it had: it cannot clear a field). */
export function productBody(values: ProductValues): ProductBody {
  const body: ProductBody = {
    sku: values.sku.trim(),
    name: values.name.trim(),
    category: values.category.trim(),
    sizeMl: Number(values.sizeMl),
    abv: Number(values.abv),
    cost: (centsOf(values.cost) ?? 0) / 100,
    price: (centsOf(values.price) ?? 0) / 100,
  };
  if (values.complianceClass) body.complianceClass = values.complianceClass;
  body.isActive = values.carried === "yes";
  if (values.imageUrl.trim()) body.imageUrl = values.imageUrl.trim();
  if (values.supplierId) body.supplierId = values.supplierId;
  if (values.barcode.trim()) body.barcode = values.barcode.trim();
  if (values.brand.trim()) body.brand = values.brand.trim();
  if (values.casePack.trim()) body.casePack = Number(values.casePack);
  if (values.description.trim()) body.description = values.description.trim();
  return body;
}
