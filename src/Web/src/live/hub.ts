import { HttpTransportType, HubConnectionBuilder, HubConnectionState, LogLevel, type HubConnection } from "@microsoft/signalr";
import { getSession, onSessionChange } from "../api/client";

// One connection to /hubs/inventory for the whole app. Screens ask for a location's events; the
// connection subscribes once per location however many screens ask, and again after a reconnect
// (the server forgets a connection's groups when it drops).

export type LiveState = "connecting" | "live" | "reconnecting" | "offline";

type Handler = (payload: unknown) => void;

let connection: HubConnection | null = null;
let starting: Promise<void> | null = null;
let state: LiveState = "offline";
const wanted = new Map<string, number>();
// How many screens want every location's events (admins only: the hub refuses the others).
let organizationWanted = 0;
// What the server has confirmed, so a screen can say "live" only once events will really arrive.
const confirmed = new Set<string>();
const confirmedListeners = new Set<() => void>();
const organizationKey = "organization";

function setConfirmed(key: string, on: boolean) {
  if (on === confirmed.has(key)) return;
  if (on) confirmed.add(key);
  else confirmed.delete(key);
  confirmedListeners.forEach((listener) => listener());
}

function forgetConfirmed() {
  if (confirmed.size === 0) return;
  confirmed.clear();
  confirmedListeners.forEach((listener) => listener());
}
const handlers = new Map<string, Set<Handler>>();
const stateListeners = new Set<(state: LiveState) => void>();

function setState(next: LiveState) {
  state = next;
  stateListeners.forEach((listener) => listener(next));
}

export function liveState(): LiveState {
  return state;
}

export function onLiveState(listener: (state: LiveState) => void): () => void {
  stateListeners.add(listener);
  return () => stateListeners.delete(listener);
}

function build(): HubConnection {
  const hub = new HubConnectionBuilder()
    // WebSockets only, without negotiation: one request, which any Api node of a cluster serves, so no load balancer
    // needs sticky sessions for the app (deploy/README.md). The token rides in the query string, as for any WebSocket.
    .withUrl("/hubs/inventory", {
      accessTokenFactory: () => getSession()?.accessToken ?? "",
      transport: HttpTransportType.WebSockets,
      skipNegotiation: true,
    })
    // Keep trying for as long as the page is open: a bar's Wi-Fi drops and comes back.
    .withAutomaticReconnect({ nextRetryDelayInMilliseconds: (context) => Math.min(1000 * 2 ** context.previousRetryCount, 15_000) })
    .configureLogging(LogLevel.Warning)
    .build();
  for (const event of handlers.keys()) hub.on(event, (payload: unknown) => dispatch(event, payload));
  hub.onreconnecting(() => {
    setState("reconnecting");
    forgetConfirmed();
  });
  hub.onreconnected(() => {
    setState("live");
    void resubscribe(hub);
  });
  hub.onclose(() => {
    setState("offline");
    forgetConfirmed();
    connection = null;
  });
  return hub;
}

function dispatch(event: string, payload: unknown) {
  handlers.get(event)?.forEach((handler) => handler(payload));
}

async function subscribeLocation(hub: HubConnection, locationId: string) {
  try {
    await hub.invoke("subscribe", { locationId });
    if (wanted.has(locationId)) setConfirmed(locationId, true);
  } catch {
    // Refused or dropped: the next reconnect tries again.
  }
}

async function subscribeOrganization(hub: HubConnection) {
  try {
    await hub.invoke("subscribeOrganization");
    if (organizationWanted > 0) setConfirmed(organizationKey, true);
  } catch {
    // Not an admin, or dropped.
  }
}

async function resubscribe(hub: HubConnection) {
  for (const locationId of wanted.keys()) {
    await subscribeLocation(hub, locationId);
  }
  if (organizationWanted > 0) await subscribeOrganization(hub);
}

async function ensureStarted(): Promise<HubConnection | null> {
  if (!getSession()) return null;
  if (!connection) {
    connection = build();
    setState("connecting");
    starting = connection
      .start()
      .then(() => {
        setState("live");
        return resubscribe(connection!);
      })
      .catch(() => {
        setState("offline");
        connection = null;
      });
  }
  await starting;
  return connection?.state === HubConnectionState.Connected ? connection : null;
}

/** Listens to one event name; returns the unsubscribe. */
export function onEvent<T>(event: string, handler: (payload: T) => void): () => void {
  let set = handlers.get(event);
  if (!set) {
    set = new Set();
    handlers.set(event, set);
    connection?.on(event, (payload: unknown) => dispatch(event, payload));
  }
  set.add(handler as Handler);
  return () => set!.delete(handler as Handler);
}

/** Receives a location's events until the returned function is called. */
export function watchLocation(locationId: string): () => void {
  const count = wanted.get(locationId) ?? 0;
  wanted.set(locationId, count + 1);
  if (count === 0) {
    void ensureStarted().then((hub) => hub && subscribeLocation(hub, locationId));
  }
  return () => {
    const left = (wanted.get(locationId) ?? 1) - 1;
    if (left > 0) {
      wanted.set(locationId, left);
      return;
    }
    wanted.delete(locationId);
    setConfirmed(locationId, false);
    if (connection?.state === HubConnectionState.Connected) void connection.invoke("unsubscribe", { locationId }).catch(() => undefined);
  };
}

/**
 * Receives the events of every location of the organisation until the returned function is called.
 * Admins only; for other roles the hub refuses and nothing arrives (watch each location instead).
 */
export function watchOrganization(): () => void {
  organizationWanted += 1;
  if (organizationWanted === 1) {
    void ensureStarted().then((hub) => hub && subscribeOrganization(hub));
  }
  return () => {
    organizationWanted = Math.max(0, organizationWanted - 1);
    if (organizationWanted > 0) return;
    setConfirmed(organizationKey, false);
    if (connection?.state === HubConnectionState.Connected) void connection.invoke("unsubscribeOrganization").catch(() => undefined);
  };
}

/** Whether the server confirmed the subscription to a location's events (or "organization" for all of them). */
export function isWatching(key: string): boolean {
  return confirmed.has(key);
}

/** Called whenever a subscription is confirmed or lost; returns the unsubscribe. */
export function onWatchingChange(listener: () => void): () => void {
  confirmedListeners.add(listener);
  return () => confirmedListeners.delete(listener);
}

// Signing out closes the connection: the next person's token must not ride on it.
onSessionChange(() => {
  if (!getSession() && connection) {
    const closing = connection;
    connection = null;
    wanted.clear();
    organizationWanted = 0;
    forgetConfirmed();
    void closing.stop();
  }
});
