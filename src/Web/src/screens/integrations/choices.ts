// What an admin picks from on the Integrations screen, in words from the trade, and the small texts built
// from those picks.
import type { ClientScope, WebhookDelivery, WebhookEvent } from "../../api/admin";

export interface Choice<T extends string> {
  value: T;
  label: string;
}

export const webhookEvents: readonly Choice<WebhookEvent>[] = [
  { value: "sale.created", label: "A sale is recorded" },
  { value: "inventory.updated", label: "Stock changes (sale, receiving, count, waste…)" },
  { value: "alert.lowStock", label: "A product falls below par" },
  { value: "compliance.alert", label: "A licence or report needs attention" },
];

/** The scopes a client may be given: compliance:write and admin:all are a named person's acts, never a system's. */
export const clientScopes: readonly Choice<ClientScope>[] = [
  { value: "inventory:read", label: "Read locations, products and stock" },
  { value: "inventory:write", label: "Record counts, waste and comps; change the catalogue" },
  { value: "sales:read", label: "Read the ledger" },
  { value: "sales:write", label: "Record sales" },
  { value: "compliance:read", label: "Read licences, compliance reports and the audit trail" },
  { value: "analytics:read", label: "Read sales figures, forecasts and the reorder list" },
];

export function eventLabel(event: string): string {
  return webhookEvents.find((e) => e.value === event)?.label ?? event;
}

/** Ticks or unticks one choice, keeping the list in the order the choices are shown (so bodies are stable). */
export function toggleChoice<T extends string>(chosen: readonly T[], value: T, order: readonly Choice<T>[]): T[] {
  const next = new Set(chosen);
  if (next.has(value)) next.delete(value);
  else next.add(value);
  return order.map((c) => c.value).filter((v) => next.has(v));
}

/** How a client takes a token (RFC 6749 client credentials), as a command an integrator can paste. */
export function tokenRequestExample(origin: string, clientId = "<client id>", clientSecret = "<client secret>", scopes: readonly string[] = []): string {
  const form = [`grant_type=client_credentials`, `client_id=${clientId}`, `client_secret=${clientSecret}`];
  if (scopes.length > 0) form.push(`scope=${scopes.join(" ")}`);
  return [`curl -X POST ${origin}/api/v1/auth/token \\`, `  -H 'Content-Type: application/x-www-form-urlencoded' \\`, ...form.map((field, i) => `  --data-urlencode '${field}'${i < form.length - 1 ? " \\" : ""}`)].join("\n");
}

/** One delivery try in a few words: did the receiver take it, and if not why. */
export function deliveryOutcome(delivery: Pick<WebhookDelivery, "statusCode" | "error">): { ok: boolean; text: string } {
  const { statusCode, error } = delivery;
  if (statusCode !== null && statusCode >= 200 && statusCode < 300) return { ok: true, text: `Delivered (HTTP ${statusCode})` };
  if (statusCode !== null) return { ok: false, text: `Refused: HTTP ${statusCode}${error ? ` (${error})` : ""}` };
  return { ok: false, text: error ? `Not delivered: ${error}` : "Not delivered" };
}
