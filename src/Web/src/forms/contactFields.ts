// The address and contact fields suppliers and locations share, with the Api's length limits (docs/API.md).
import type { FieldErrors } from "./fieldErrors";

export interface TextField {
  name: string;
  label: string;
  max: number;
  autoComplete?: string;
}

export const addressFields: TextField[] = [
  { name: "addressLine1", label: "Address", max: 200, autoComplete: "address-line1" },
  { name: "addressLine2", label: "Address line 2", max: 200, autoComplete: "address-line2" },
  { name: "city", label: "City", max: 100, autoComplete: "address-level2" },
  { name: "state", label: "State", max: 32, autoComplete: "address-level1" },
  { name: "zip", label: "ZIP", max: 16, autoComplete: "postal-code" },
  { name: "phone", label: "Phone", max: 32, autoComplete: "tel" },
];

/** Too-long text, as the Api would refuse it. */
export function checkLengths(values: Record<string, string>, fields: TextField[], errors: FieldErrors): void {
  for (const field of fields) {
    if ((values[field.name] ?? "").trim().length > field.max) errors[field.name] = `${field.label} may have at most ${field.max} characters.`;
  }
}

/** Trimmed text of the filled fields; empty ones are left out, since the Api keeps a value it is not sent. */
export function filledText(values: Record<string, string>, fields: TextField[]): Record<string, string> {
  const body: Record<string, string> = {};
  for (const field of fields) {
    const value = (values[field.name] ?? "").trim();
    if (value) body[field.name] = value;
  }
  return body;
}

/** The form's text for a record the Api answered (null becomes empty). */
export function textOf(record: object, fields: TextField[]): Record<string, string> {
  const values: Record<string, string> = {};
  for (const field of fields) {
    const value = (record as Record<string, unknown>)[field.name];
    values[field.name] = value === null || value === undefined ? "" : String(value);
  }
  return values;
}

export function looksLikeEmail(text: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(text);
}
