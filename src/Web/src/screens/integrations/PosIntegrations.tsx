import { useState, type FormEvent } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import type { IssuedPosIntegration, PosIntegration } from "../../api/admin";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormProblem } from "../../components/FormProblem";
import { Pager } from "../../components/Pager";
import { SecretOnce } from "../../components/SecretOnce";
import { Empty, Loading, Problem } from "../../components/Status";

const pageSize = 20;

/** Each till system that pushes sales: its API key and signing secret are shown once, and it can be cut off. */
export function PosIntegrations() {
  const queries = useQueryClient();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedPosIntegration | null>(null);
  const list = useQuery({
    queryKey: ["pos-integrations", page],
    queryFn: () => apiFetch<Page<PosIntegration>>(withQuery("/api/v1/integrations", { page, limit: pageSize })),
    placeholderData: keepPreviousData,
  });
  const revoke = useMutation({
    mutationFn: (integration: PosIntegration) => apiFetch<null>(`/api/v1/integrations/${integration.id}`, { method: "DELETE" }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["pos-integrations"] }),
  });

  return (
    <section aria-labelledby="pos-title">
      <div className="bar">
        <h2 id="pos-title">POS integrations</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Connect a POS
          </button>
        )}
      </div>
      <p className="muted">A point-of-sale system pushes every sale here; stock drops as the bar sells.</p>
      {issued && (
        <SecretOnce
          title={`POS connected: ${issued.name}`}
          secrets={[
            { label: "API key", value: issued.apiKey },
            { label: "Signing secret", value: issued.webhookSecret },
          ]}
          onDone={() => setIssued(null)}
        >
          <p className="hint">
            Enter both in the POS. It sends sales to <code>POST /api/v1/integrations/pos/sales</code> with the key in <code>X-Api-Key</code> and the body
            signed with the secret in <code>Ipf-Signature</code>.
          </p>
        </SecretOnce>
      )}
      {adding && (
        <AddPos
          onAdded={(integration) => {
            setAdding(false);
            setIssued(integration);
            void queries.invalidateQueries({ queryKey: ["pos-integrations"] });
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <Problem error={list.error} />
      <Problem error={revoke.error} />
      {list.isLoading && <Loading what="Loading POS integrations…" />}
      {list.data && list.data.items.length === 0 && <Empty>No POS connected yet. Connect one so sales lower stock as they are rung up.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ul className="records" aria-label="POS integrations">
          {list.data.items.map((integration) => (
            <li key={integration.id} data-id={integration.id} className={integration.revokedAt ? "revoked" : undefined}>
              <div className="record-title">{integration.name}</div>
              <div className="record-meta">
                Key {integration.apiKeyPrefix}… · connected {new Date(integration.createdAt).toLocaleDateString()}
              </div>
              {integration.revokedAt ? (
                <div className="record-meta">Revoked {new Date(integration.revokedAt).toLocaleString()}: its key no longer works.</div>
              ) : (
                <div className="record-actions">
                  <ConfirmButton
                    label="Revoke"
                    accessibleLabel={`Revoke ${integration.name}`}
                    question={`Revoke ${integration.name}? Its key stops working at once and the sales it pushes from now on are refused.`}
                    confirmLabel="Yes, revoke"
                    busy={revoke.isPending}
                    onConfirm={() => revoke.mutateAsync(integration)}
                  />
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Pager page={list.data?.pagination} onPage={setPage} noun="integrations" />
    </section>
  );
}

function AddPos({ onAdded, onCancel }: { onAdded: (integration: IssuedPosIntegration) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  const add = useMutation({
    mutationFn: () => apiFetch<IssuedPosIntegration>("/api/v1/integrations", { method: "POST", body: JSON.stringify({ name: name.trim(), kind: "pos" }) }),
    onSuccess: onAdded,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Connect a POS">
      <div>
        <label htmlFor="pos-name">Name</label>
        <input id="pos-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Square, main bar" />
      </div>
      <FormProblem error={add.error} />
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? "Connecting…" : "Connect"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
