import { useState } from "react";
import type { IssuedPosIntegration, PosIntegration } from "../../api/admin";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PagedRecords } from "../../components/PagedRecords";
import { SecretOnce } from "../../components/SecretOnce";
import { CreateForm } from "./CreateForm";
import { IntegrationSection } from "./IntegrationSection";
import { useIntegrationList } from "./useIntegrationList";

/** Each till system that pushes sales: its API key and signing secret are shown once, and it can be cut off. */
export function PosIntegrations() {
  const { paged, adding, setAdding, issued, closeIssued, revoke, added } = useIntegrationList<PosIntegration, IssuedPosIntegration>({
    queryKey: "pos-integrations",
    path: "/api/v1/integrations",
  });

  return (
    <IntegrationSection
      id="pos-title"
      title="POS integrations"
      createLabel="Connect a POS"
      adding={adding}
      onCreate={() => setAdding(true)}
      intro="A point-of-sale system pushes every sale here; stock drops as the bar sells."
    >
      {issued && (
        <SecretOnce
          title={`POS connected: ${issued.name}`}
          secrets={[
            { label: "API key", value: issued.apiKey },
            { label: "Signing secret", value: issued.webhookSecret },
          ]}
          onDone={closeIssued}
        >
          <p className="hint">
            Enter both in the POS. It sends sales to <code>POST /api/v1/integrations/pos/sales</code> with the key in <code>X-Api-Key</code> and the body
            signed with the secret in <code>Ipf-Signature</code>.
          </p>
        </SecretOnce>
      )}
      {adding && <AddPos onAdded={added} onCancel={() => setAdding(false)} />}
      <PagedRecords
        paged={paged}
        noun="integrations"
        loading="Loading POS integrations…"
        empty="No POS connected yet. Connect one so sales lower stock as they are rung up."
        actionError={revoke.error}
      >
        {(items) => (
          <ul className="records" aria-label="POS integrations">
            {items.map((integration) => (
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
      </PagedRecords>
    </IntegrationSection>
  );
}

function AddPos({ onAdded, onCancel }: { onAdded: (integration: IssuedPosIntegration) => void; onCancel: () => void }) {
  const [name, setName] = useState("");
  return (
    <CreateForm<IssuedPosIntegration>
      label="Connect a POS"
      path="/api/v1/integrations"
      body={() => ({ name: name.trim(), kind: "pos" })}
      submitLabel="Connect"
      busyLabel="Connecting…"
      onAdded={onAdded}
      onCancel={onCancel}
    >
      <div>
        <label htmlFor="pos-name">Name</label>
        <input id="pos-name" required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} placeholder="e.g. Square, main bar" />
      </div>
    </CreateForm>
  );
}
