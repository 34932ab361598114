import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { ClientScope, IntegrationClient, IssuedClient, PosIntegration } from "../../api/admin";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PagedRecords } from "../../components/PagedRecords";
import { SecretOnce } from "../../components/SecretOnce";
import { clientScopes, toggleChoice, tokenRequestExample } from "./choices";
import { CreateForm } from "./CreateForm";
import { IntegrationSection } from "./IntegrationSection";
import { useIntegrationList } from "./useIntegrationList";

/** Systems that call the Api with their own scoped tokens (OAuth client credentials): create, list, revoke. */
export function Clients() {
  const { paged, adding, setAdding, issued, closeIssued, revoke, added } = useIntegrationList<IntegrationClient, IssuedClient>({
    queryKey: "integration-clients",
    path: "/api/v1/integrations/clients",
  });

  return (
    <IntegrationSection
      id="clients-title"
      title="Integration clients"
      createLabel="Create a client"
      adding={adding}
      onCreate={() => setAdding(true)}
      intro="A client is another system (accounting, a reporting tool) that signs in with its own id and secret and may do only what its scopes allow."
    >
      {issued && (
        <SecretOnce title={`Client created: ${issued.name}`} secrets={[{ label: "Client secret", value: issued.clientSecret }]} onDone={closeIssued}>
          <p>
            Client id: <code data-client-id>{issued.id}</code>
          </p>
          <p className="hint">It takes a token like this:</p>
          <pre className="example">{tokenRequestExample(window.location.origin, issued.id, issued.clientSecret)}</pre>
        </SecretOnce>
      )}
      {adding && <AddClient onAdded={added} onCancel={() => setAdding(false)} />}
      <PagedRecords
        paged={paged}
        noun="clients"
        loading="Loading clients…"
        empty="No clients yet. Create one for each system that should read or record through the Api."
        actionError={revoke.error}
      >
        {(items) => (
          <ul className="records" aria-label="Integration clients">
            {items.map((client) => (
              <li key={client.id} data-id={client.id} className={client.revokedAt ? "revoked" : undefined}>
                <div className="record-title">{client.name}</div>
                <div className="record-meta">Scopes: {client.scopes.join(", ")}</div>
                {client.integrationId && <div className="record-meta">Pushes the sales of POS integration {client.integrationId}</div>}
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
                      question={`Revoke ${client.name}? It gets no new token, and a token it holds is refused from its next call.`}
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
      </PagedRecords>
      <details className="howto">
        <summary>How a client gets a token</summary>
        <p>It posts its id and secret to the token endpoint (OAuth 2.0 client credentials). Leave out the scope for every scope it holds, or name fewer:</p>
        <pre className="example">{tokenRequestExample(window.location.origin, undefined, undefined, ["inventory:read"])}</pre>
        <p>
          The answer is <code>{`{"access_token", "token_type": "Bearer", "expires_in", "scope"}`}</code>. It sends <code>Authorization: Bearer &lt;access_token&gt;</code>{" "}
          on each call and asks for a new token when this one expires (after <code>expires_in</code> seconds, 15 minutes by default).
        </p>
      </details>
    </IntegrationSection>
  );
}

function AddClient({ onAdded, onCancel }: { onAdded: (client: IssuedClient) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<ClientScope[]>(["inventory:read"]);
  const [integrationId, setIntegrationId] = useState("");
  // The POS integrations a client may push sales for, with its token instead of the integration's API key.
  const pos = useQuery({
    queryKey: ["integrations", "live"],
    queryFn: () => apiFetch<Page<PosIntegration>>(withQuery("/api/v1/integrations", { limit: 200 })),
  });
  const live = (pos.data?.items ?? []).filter((integration) => !integration.revokedAt);
  return (
    <CreateForm<IssuedClient>
      label="Create a client"
      path="/api/v1/integrations/clients"
      body={() => ({ name: name.trim(), scopes, integrationId: integrationId || undefined })}
      submitLabel="Create client"
      busyLabel="Creating…"
      onAdded={onAdded}
      onCancel={onCancel}
    >
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
      <div>
        <label htmlFor="client-pos">Pushes POS sales for</label>
        <select id="client-pos" value={integrationId} onChange={(e) => setIntegrationId(e.target.value)}>
          <option value="">No POS integration</option>
          {live.map((integration) => (
            <option key={integration.id} value={integration.id}>
              {integration.name}
            </option>
          ))}
        </select>
        <p className="hint">
          A POS that signs in as this client sends its sales with its token instead of the integration&apos;s API key; it needs &quot;record sales&quot; and signs each
          body with the integration&apos;s webhook secret.
        </p>
      </div>
    </CreateForm>
  );
}
