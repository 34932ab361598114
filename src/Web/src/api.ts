// Talks to the Api's JSON envelope: {success:true,data} or {success:false,error:{code,message,details}}.

export interface ApiErrorBody {
  code?: string;
  message?: string;
  details?: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

const plainWords: Record<string, string> = {
  UNAUTHORIZED: "Please sign in again.",
  INVALID_CREDENTIALS: "That email and password do not match.",
  FORBIDDEN: "Your role may not do this.",
  NOT_FOUND: "That was not found.",
  RATE_LIMITED: "Too many attempts. Wait a minute and try again.",
  INTERNAL_ERROR: "Something went wrong on the server. Try again shortly.",
};

/** One readable sentence for an error envelope, its details included when they name fields. */
export function describeError(status: number, body: unknown): string {
  const error = (body as { error?: ApiErrorBody } | null)?.error;
  if (!error) {
    return status >= 500 || status === 0
      ? "The server could not be reached. Try again shortly."
      : `The request failed (HTTP ${status}).`;
  }
  const base = error.message?.trim() || (error.code && plainWords[error.code]) || `The request failed (HTTP ${status}).`;
  const fields = fieldMessages(error.details);
  return fields.length > 0 ? `${base} ${fields.join(" ")}` : base;
}

function fieldMessages(details: unknown): string[] {
  if (Array.isArray(details)) {
    return details
      .map((d) => (typeof d === "string" ? d : (d as { message?: string })?.message))
      .filter((m): m is string => typeof m === "string" && m.length > 0);
  }
  if (details && typeof details === "object") {
    return Object.entries(details as Record<string, unknown>).flatMap(([field, value]) => {
      const messages = Array.isArray(value) ? value : [value];
      return messages.filter((m): m is string => typeof m === "string").map((m) => `${field}: ${m}`);
    });
  }
  return [];
}

const tokenKey = "ipf.session";

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id?: string; email?: string; name?: string; role?: string };
}

// In memory for each call, in sessionStorage so a reload keeps the tab signed in (closing the tab signs out).
let current: Session | null = readStored();

function readStored(): Session | null {
  try {
    const raw = sessionStorage.getItem(tokenKey);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    return null;
  }
}

export function getSession(): Session | null {
  return current;
}

export function setSession(session: Session | null): void {
  current = session;
  if (session) {
    sessionStorage.setItem(tokenKey, JSON.stringify(session));
  } else {
    sessionStorage.removeItem(tokenKey);
  }
}

export async function apiFetch<T>(path: string, init: RequestInit = {}): Promise<T> {
  const headers = new Headers(init.headers);
  headers.set("Accept", "application/json");
  if (init.body) headers.set("Content-Type", "application/json");
  if (current) headers.set("Authorization", `Bearer ${current.accessToken}`);
  let response: Response;
  try {
    response = await fetch(path, { ...init, headers });
  } catch {
    throw new ApiError(0, "NETWORK", describeError(0, null));
  }
  const body: unknown = await response.json().catch(() => null);
  const envelope = body as { success?: boolean; data?: T; error?: ApiErrorBody } | null;
  if (!response.ok || envelope?.success === false) {
    if (response.status === 401 && current) setSession(null);
    throw new ApiError(response.status, envelope?.error?.code ?? "HTTP_" + response.status, describeError(response.status, body));
  }
  return envelope?.data as T;
}

export interface Page<T> {
  items: T[];
  pagination: { page: number; limit: number; total: number; pages: number };
}

export interface Location {
  id: string;
  name: string;
}

export interface InventoryItem {
  id: string;
  sku: string;
  name: string;
  category?: string;
  quantity: number;
  parLevel?: number;
}

export function signIn(email: string, password: string): Promise<Session> {
  return apiFetch<Session>("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email, password }) });
}

export function inventoryQuery(locationId: string, page: number, limit: number): string {
  const query = new URLSearchParams({ locationId, page: String(page), limit: String(limit) });
  return `/api/v1/inventory/items?${query.toString()}`;
}

/** The Api's list has no text search yet, so the box filters the loaded page by name, SKU or category. */
export function matchesSearch(item: InventoryItem, search: string): boolean {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  const text = `${item.name} ${item.sku} ${item.category ?? ""}`.toLowerCase();
  return words.every((word) => text.includes(word));
}
