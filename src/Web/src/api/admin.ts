// The shapes of the admin endpoints (docs/API.md "Users", "Integrations and POS ingestion", "Webhooks",
// "Integration clients"), as the Users and Integrations screens use them.
import type { Role } from "./client";

export const roles: readonly Role[] = ["admin", "manager", "staff"];

export interface User {
  id: string;
  organizationId: string;
  email: string;
  firstName: string;
  lastName: string;
  role: Role;
  phone: string | null;
  isActive: boolean;
  emailVerifiedAt?: string | null;
  lastLoginAt: string | null;
  createdAt: string;
}

/** POST /api/v1/users: every field but phone and password is required. */
export interface UserDraft {
  email: string;
  password?: string;
  firstName: string;
  lastName: string;
  role: Role;
  phone?: string;
}

/** PATCH /api/v1/users/{id}: omitted fields keep their value. */
export interface UserChange {
  firstName?: string;
  lastName?: string;
  role?: Role;
  phone?: string;
  isActive?: boolean;
}

export interface PasswordChanged {
  changedAt: string;
  refreshTokensRevoked: number;
}

export type WebhookEvent = "sale.created" | "inventory.updated" | "alert.lowStock" | "compliance.alert";

export interface Webhook {
  id: string;
  organizationId: string;
  url: string;
  events: WebhookEvent[];
  description: string | null;
  createdAt: string;
}

/** The one answer that carries the webhook's signing secret. */
export interface IssuedWebhook extends Omit<Webhook, "organizationId"> {
  secret: string;
}

export interface WebhookDelivery {
  id: string;
  /** The event's id: what redelivery names. */
  outboxId: string;
  event: WebhookEvent;
  attempt: number;
  attemptedAt: string;
  statusCode: number | null;
  /** A fixed sentence saying why the try failed; null when it succeeded. */
  error: string | null;
  durationMs: number;
  manual: boolean;
  /** Why the try failed, for programs: timeout, dns_failure, address_refused, http_503, ...; null when it succeeded. */
  errorCategory: string | null;
}

export type ClientScope = "inventory:read" | "inventory:write" | "sales:read" | "sales:write" | "compliance:read" | "analytics:read";

export interface IntegrationClient {
  id: string;
  organizationId: string;
  name: string;
  scopes: string[];
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
  /** The POS integration whose sales it may push with its token (the seed's POS form), if any. */
  integrationId: string | null;
}

export interface IssuedClient {
  id: string;
  name: string;
  scopes: string[];
  createdAt: string;
  clientSecret: string;
}

/** A POS allowed to push sales. */
export interface PosIntegration {
  id: string;
  organizationId: string;
  name: string;
  kind: string;
  apiKeyPrefix: string;
  createdAt: string;
  revokedAt: string | null;
}

export interface IssuedPosIntegration {
  id: string;
  name: string;
  kind: string;
  apiKeyPrefix: string;
  createdAt: string;
  apiKey: string;
  webhookSecret: string;
}

/** A POS line whose sku or barcode matched no product, queued until someone maps it. */
export interface UnmappedItem {
  id: string;
  integrationId: string;
  locationId: string;
  posTransactionId: string;
  lineNumber: number;
  sku: string | null;
  barcode: string | null;
  quantity: number;
  unitPrice: number | null;
  occurredAt: string;
  status: "open" | "mapped";
  productId: string | null;
  movementId: string | null;
  mappedAt: string | null;
  createdAt: string;
  /** The POS's own item, for a line sent by itemId: mapping the item (Menu) records the line. */
  posItemId: string | null;
  itemName: string | null;
  modifierIds: string[] | null;
}

/** What the product search answers, as far as mapping a POS line needs it. */
export interface ProductChoice {
  id: string;
  sku: string;
  name: string;
  brand?: string | null;
  sizeMl?: number;
  barcode?: string | null;
}
