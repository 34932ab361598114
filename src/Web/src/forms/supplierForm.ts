import type { Supplier, SupplierBody } from "../api/catalogue";
import { addressFields, checkLengths, filledText, looksLikeEmail, textOf, type TextField } from "./contactFields";
import type { FieldErrors } from "./fieldErrors";

export const supplierFields: TextField[] = [
  { name: "name", label: "Name", max: 200, autoComplete: "organization" },
  { name: "contactName", label: "Contact", max: 200, autoComplete: "name" },
  { name: "email", label: "Email", max: 254, autoComplete: "email" },
  ...addressFields,
  { name: "accountNumber", label: "Account number", max: 64 },
  { name: "paymentTerms", label: "Payment terms", max: 64 },
];

export type SupplierValues = Record<string, string>;

export function emptySupplier(): SupplierValues {
  return { ...textOf({}, supplierFields), leadTimeDays: "" };
}

export function supplierValues(supplier: Supplier): SupplierValues {
  return { ...textOf(supplier, supplierFields), leadTimeDays: supplier.leadTimeDays === null ? "" : String(supplier.leadTimeDays) };
}

export function checkSupplier(values: SupplierValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name?.trim()) errors.name = "Enter the supplier's name.";
  checkLengths(values, supplierFields, errors);
  const email = values.email?.trim() ?? "";
  if (email && !errors.email && !looksLikeEmail(email)) errors.email = "Enter an email like orders@example.com.";
  const lead = values.leadTimeDays?.trim() ?? "";
  if (lead && (!/^\d+$/.test(lead) || Number(lead) > 365)) errors.leadTimeDays = "Lead time is a whole number of days from 0 to 365.";
  return errors;
}

export function supplierBody(values: SupplierValues): SupplierBody {
  const body: SupplierBody = filledText(values, supplierFields);
  const lead = values.leadTimeDays?.trim();
  if (lead) body.leadTimeDays = Number(lead);
  return body;
}
