import { useState, type FormEvent } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import type { ClientScope, IntegrationClient, IssuedClient } from "../../api/admin";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormProblem } from "../../components/FormProblem";
import { Pager } from "../../components/Pager";
import { SecretOnce } from "../../components/SecretOnce";
import { Empty, Loading, Problem } from "../../components/Status";
import { clientScopes, toggleChoice, tokenRequestExample } from "./choices";

const pageSize = 20;

/** Systems that call the Api with their own scoped tokens (OAuth client credentials): create, list, revoke. */
export function Clients() {
  const queries = useQueryClient();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedClient | null>(null);
  const list = useQuery({
    queryKey: ["integration-clients", page],
    queryFn: () => apiFetch<Page<IntegrationClient>>(withQuery("/api/v1/integrations/clients", { page, limit: pageSize })),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (client: IntegrationClient) => apiFetch<null>(`/api/v1/integrations/clients/${client.id}`, { method: "DELETE" }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["integration-clients"] }),
  });

  return (
    <section aria-labelledby="clients-title">
      <div className="bar">
        <h2 id="clients-title">Integration clients</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Create a client
          </button>
        )}
      </div>
      <p className="muted">A client is another system (accounting, a reporting tool) that signs in with its own id and secret and may do only what its scopes allow.</p>
      {issued && (
        <SecretOnce title={`Client created: ${issued.name}`} secrets={[{ label: "Client secret", value: issued.clientSecret }]} onDone={() => setIssued(null)}>
          <p>
            Client id: <code data-client-id>{issued.id}</code>
          </p>
          <p className="hint">It takes a token like this:</p>
          <pre className="example">{tokenRequestExample(window.location.origin, issued.id, issued.clientSecret)}</pre>
        </SecretOnce>
      )}
      {adding && (
        <AddClient
          onAdded={(client) => {
            setAdding(false);
            setIssued(client);
            void queries.invalidateQueries({ queryKey: ["integration-clients"] });
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <Problem error={list.error} />
      <Problem error={revoke.error} />
      {list.isLoading && <Loading what="Loading clients…" />}
      {list.data && list.data.items.length === 0 && <Empty>No clients yet. Create one for each system that should read or record through the Api.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ul className="records" aria-label="Integration clients">
          {list.data.items.map((client) => (
            <li key={client.id} data-id={client.id} className={client.revokedAt ? "revoked" : undefined}>
              <div className="record-title">{client.name}</div>
              <div className="record-meta">Scopes: {client.scopes.join(", ")}</div>
              <div className="record-meta">
                Id {client.id} · created {new Date(client.createdAt).toLocaleDateString()} ·{" "}
                {client.lastUsedAt ? `last token ${new Date(client.lastUsedAt).toLocaleString()}` : "no token taken yet"}
              </div>
              {client.revokedAt ? (
                <div className="record-meta">Revoked {new Date(client.revokedAt).toLocaleString()}</div>
              ) : (
                <div className="record-actions">
                  <ConfirmButton
                    label="Revoke"
                    accessibleLabel={`Revoke ${client.name}`}
                    question={`Revoke ${client.name}? It gets no new token; a token it holds works until it expires, within the hour.`}
                    confirmLabel="Yes, revoke"
                    busy={revoke.isPending}
                    onConfirm={() => revoke.mutateAsync(client)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.data?.pagination} onPage={setPage} noun="clients" />
      <details className="howto">
        <summary>How a client gets a token</summary>
        <p>It posts its id and secret to the token endpoint (OAuth 2.0 client credentials). Leave out the scope for every scope it holds, or name fewer:</p>
        <pre className="example">{tokenRequestExample(window.location.origin, undefined, undefined, ["inventory:read"])}</pre>
        <p>
          The answer is <code>{`{"access_token", "token_type": "Bearer", "expires_in", "scope"}`}</code>. It sends <code>Authorization: Bearer &lt;access_token&gt;</code>{" "}
          on each call and asks for a new token when this one expires, after an hour.
        </p>
      </details>
    </section>
  );
}

function AddClient({ onAdded, onCancel }: { onAdded: (client: IssuedClient) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ClientScope[]>(["inventory:read"]);
  const add = useMutation({
    mutationFn: () => apiFetch<IssuedClient>("/api/v1/integrations/clients", { method: "POST", body: JSON.stringify({ name: name.trim(), scopes }) }),
    onSuccess: onAdded,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Create a client">
      <div>
        <label htmlFor="client-name">Name</label>
        <input id="client-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Bookkeeping export" />
      </div>
      <fieldset className="choices">
        <legend>What it may do</legend>
        {clientScopes.map((choice) => (
          <label key={choice.value} className="check">
            <input type="checkbox" checked={scopes.includes(choice.value)} onChange={() => setScopes(toggleChoice(scopes, choice.value, clientScopes))} />
            {choice.label}
            <span className="choice-code">{choice.value}</span>
          </label>
        ))}
        <p className="hint">Managing users, keys and webhooks, and filing compliance reports, stay with a signed-in person.</p>
      </fieldset>
      <FormProblem error={add.error} />
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? "Creating…" : "Create client"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
