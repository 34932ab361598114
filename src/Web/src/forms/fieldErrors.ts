import { ApiError } from "../api/client";

export type FieldErrors = Record<string, string>;

/**
 * The Api's field problems keyed by field name (`sku`, `items[0].quantity`), from an error's envelope details,
 * so a form can put each next to its input. Several problems on one field are joined.
 */
export function fieldErrorsOf(error: unknown): FieldErrors {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return {};
  const found: FieldErrors = {};
  for (const detail of error.details as unknown[]) {
    const { field, message } = (detail ?? {}) as { field?: unknown; message?: unknown };
    if (typeof field !== "string" || typeof message !== "string" || message === "") continue;
    found[field] = found[field] ? `${found[field]} ${message}` : message;
  }
  return found;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}
