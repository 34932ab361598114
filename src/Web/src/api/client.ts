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
    /** The envelope's `details` as sent (usually `[{field, message}]`), so a form can put each beside its field. */
    readonly details: unknown = undefined,
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
  ACCOUNT_SUSPENDED: "Your organisation's account is suspended. Contact Inventory Pro Flow support to restore it.",
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
  if (fields.length === 0) return base;
  // The Api's message is the first detail (plus a count of the others): say each problem once.
  const first = base.replace(/\s*\(and \d+ more problem\(s\), see details\)$/, "");
  return fields.includes(first) ? fields.join(" ") : `${base} ${fields.join(" ")}`;
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

export type Role = "admin" | "manager" | "staff";

export interface Session {
  accessToken: string;
  refreshToken: string;
  expiresIn: number;
  user: { id: string; email: string; firstName?: string; lastName?: string; role: Role; organizationId: string };
}

// In memory for each call, in sessionStorage so a reload keeps the tab signed in (closing the tab signs out).
let current: Session | null = readStored();
const listeners = new Set<() => void>();

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
  listeners.forEach((listener) => listener());
}

/** Called whenever the session changes (sign-in, refresh, sign-out); returns the unsubscribe. */
export function onSessionChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

// One refresh at a time: several calls failing together with 401 share it.
let refreshing: Promise<boolean> | null = null;

/** Spends the refresh token for a new pair; false (and signed out) when the sign-in is over. */
export function renewSession(): Promise<boolean> {
  const spent = current;
  if (!spent) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const response = await fetch("/api/v1/auth/refresh", {
        method: "POST",
        headers: { Accept: "application/json", "Content-Type": "application/json" },
        body: JSON.stringify({ refreshToken: spent.refreshToken }),
      });
      const body = (await response.json().catch(() => null)) as { success?: boolean; data?: Session } | null;
      if (response.ok && body?.success && body.data) {
        setSession(body.data);
        return true;
      }
      // Only a refusal ends the sign-in; a network failure leaves it for the next try.
      if (response.status === 401 || response.status === 400) setSession(null);
      return false;
    } catch {
      return false;
    } finally {
      refreshing = null;
    }
  })();
  return refreshing;
}

export interface CallOptions extends RequestInit {
  /** Sent as Idempotency-Key, so a retried change applies once. */
  idempotencyKey?: string;
}

/** Where the organisation's subscription stands, as the last answer said: the Shell shows a notice when it is not active. */
export type Standing = "active" | "past_due" | "suspended";
let standing: Standing = "active";
const standingListeners = new Set<() => void>();

export function getStanding(): Standing {
  return standing;
}

export function onStandingChange(listener: () => void): () => void {
  standingListeners.add(listener);
  return () => standingListeners.delete(listener);
}

/** Reads the standing off a signed-in answer: 403 ACCOUNT_SUSPENDED, or the X-Subscription-Status header of a past_due one. */
export function noteStanding(status: number, code: string | undefined, header: string | null): void {
  if (status === 0 || status === 401) return;
  const next: Standing = code === "ACCOUNT_SUSPENDED" ? "suspended" : header === "past_due" ? "past_due" : "active";
  if (next === standing) return;
  standing = next;
  standingListeners.forEach((listener) => listener());
}

export async function apiFetch<T>(path: string, init: CallOptions = {}): Promise<T> {
  const response = await send(path, init);
  const body: unknown = await response.json().catch(() => null);
  const envelope = body as { success?: boolean; data?: T; error?: ApiErrorBody } | null;
  if (current) noteStanding(response.status, envelope?.error?.code, response.headers.get("X-Subscription-Status"));
  if (!response.ok || envelope?.success === false) {
    throw new ApiError(response.status, envelope?.error?.code ?? "HTTP_" + response.status, describeError(response.status, body), envelope?.error?.details);
  }
  return envelope?.data as T;
}

/** The raw answer (for downloads), with the same authentication and error handling as apiFetch. */
export async function apiDownload(path: string): Promise<Blob> {
  const response = await send(path, {});
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => null);
    throw new ApiError(response.status, (body as { error?: ApiErrorBody })?.error?.code ?? "HTTP_" + response.status, describeError(response.status, body));
  }
  return response.blob();
}

async function send(path: string, init: CallOptions, renewed = false): Promise<Response> {
  const { idempotencyKey, ...request } = init;
  const headers = new Headers(request.headers);
  headers.set("Accept", "application/json");
  if (request.body && typeof request.body === "string" && !headers.has("Content-Type")) headers.set("Content-Type", "application/json");
  if (idempotencyKey) headers.set("Idempotency-Key", idempotencyKey);
  const session = current;
  if (session) headers.set("Authorization", `Bearer ${session.accessToken}`);
  let response: Response;
  try {
    response = await fetch(path, { ...request, headers });
  } catch {
    throw new ApiError(0, "NETWORK", describeError(0, null));
  }
  // An expired access token is renewed once, silently; a refused renewal signs out.
  if (response.status === 401 && session && !renewed) {
    if (await renewSession()) return send(path, init, true);
    setSession(null);
  }
  return response;
}

export async function signIn(email: string, password: string): Promise<Session> {
  const session = await apiFetch<Session>("/api/v1/auth/login", { method: "POST", body: JSON.stringify({ email, password }) });
  setSession(session);
  return session;
}

/** Follows a sign-up's verification link: the organisation is created and its admin signed in. */
export async function verifyEmail(token: string): Promise<Session> {
  const session = await apiFetch<Session>("/api/v1/auth/verify-email", { method: "POST", body: JSON.stringify({ token }) });
  setSession(session);
  return session;
}

/** Accepts an invitation with the password the invitee chose (none: keep the one their admin chose), signing them in. */
export async function acceptInvitation(token: string, password: string | null): Promise<Session> {
  const session = await apiFetch<Session>("/api/v1/auth/accept-invitation", {
    method: "POST",
    body: JSON.stringify(password ? { token, password } : { token }),
  });
  setSession(session);
  return session;
}

/** What sign-up and a new link answer, whether or not the address has an account: where the link went. */
export interface SignUpAccepted {
  email: string;
  delivery: "mail" | "log";
  linkExpiresAt: string;
}

export async function signOut(): Promise<void> {
  const session = current;
  setSession(null);
  if (session) {
    // Revokes the refresh token on the server; signing out locally does not wait for it.
    fetch("/api/v1/auth/logout", {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ refreshToken: session.refreshToken }),
    }).catch(() => undefined);
  }
}

/** A path with its query, leaving out empty values. */
export function withQuery(path: string, query: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [name, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== "") search.set(name, String(value));
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
