// What an integrator writes against the OpenAPI document: a client typed by openapi-typescript from
// /openapi/v1.json and called through openapi-fetch. e2e/openapi-client.test.mjs regenerates the types from
// the served document and compiles this file before running it, so a path, field or type that the document
// no longer has fails the compile instead of a customer's build.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/schema";

export type Client = ReturnType<typeof createClient<paths>>;
export type ErrorCode = components["schemas"]["ErrorBody"]["code"];
type Sale = components["schemas"]["MovementRequest"];
type LedgerEntry = components["schemas"]["LedgerEntry"];

/** A client for the Api at baseUrl; after signIn every call carries the token. */
export function connect(baseUrl: string): Client {
  return createClient<paths>({ baseUrl });
}

/** Signs in with email and password and sends the access token from then on. */
export async function signIn(client: Client, email: string, password: string): Promise<string> {
  const { data, error, response } = await client.POST("/api/v1/auth/login", { body: { email, password } });
  if (error || !data?.data) throw new Error(`sign-in: ${response.status} ${error?.error.code}`);
  const token = data.data.accessToken;
  client.use({ onRequest: ({ request }) => void request.headers.set("Authorization", `Bearer ${token}`) });
  return token;
}

/** The error code of a sign-in that the Api refuses: the envelope, typed from the document. */
export async function refusedSignIn(client: Client, email: string, password: string): Promise<{ status: number; code: ErrorCode }> {
  const { error, response } = await client.POST("/api/v1/auth/login", { body: { email, password } });
  if (!error) throw new Error(`sign-in as ${email} was accepted`);
  return { status: response.status, code: error.error.code };
}

/** Records a sale of quantity units at the product's price; referenceId is the till's own id, which makes it apply once. */
export async function recordSale(client: Client, sale: { locationId: string; productId: string; quantity: number; referenceId: string }) {
  const body: Sale = {
    locationId: sale.locationId,
    referenceId: sale.referenceId,
    items: [{ productId: sale.productId, quantity: sale.quantity }],
  };
  const { data, error, response } = await client.POST("/api/v1/transactions/sales", { body });
  if (error || !data?.data) throw new Error(`sale: ${response.status} ${error?.error.code} ${error?.error.message}`);
  return data.data;
}

/** The ledger's sale rows of one product at one location, newest first. */
export async function salesOf(client: Client, locationId: string, productId: string): Promise<LedgerEntry[]> {
  const { data, error, response } = await client.GET("/api/v1/transactions", {
    params: { query: { type: "sale", locationId, productId } },
  });
  if (error || !data?.data) throw new Error(`ledger: ${response.status} ${error?.error.code}`);
  return data.data.items;
}

/** One inventory item, live: its quantity after the sale. */
export async function inventoryItem(client: Client, id: string) {
  const { data, error, response } = await client.GET("/api/v1/inventory/items/{id}", { params: { path: { id } } });
  if (error || !data?.data) throw new Error(`item: ${response.status} ${error?.error.code}`);
  return data.data;
}
