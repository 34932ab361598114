import { useState } from "react";
import type { IssuedWebhook, Webhook, WebhookEvent } from "../../api/admin";
import { ConfirmButton } from "../../components/ConfirmButton";
import { PagedRecords } from "../../components/PagedRecords";
import { SecretOnce } from "../../components/SecretOnce";
import { eventLabel, toggleChoice, webhookEvents } from "./choices";
import { CreateForm } from "./CreateForm";
import { Deliveries } from "./Deliveries";
import { IntegrationSection } from "./IntegrationSection";
import { useIntegrationList } from "./useIntegrationList";

/** URLs that receive the organisation's events: add one (its signing secret shown once), delete one, watch its deliveries. */
export function Webhooks() {
  const [watching, setWatching] = useState<Webhook | null>(null);
  const { paged, adding, setAdding, issued, closeIssued, revoke: remove, added } = useIntegrationList<Webhook, IssuedWebhook>({
    queryKey: "webhooks",
    path: "/api/v1/webhooks",
    onRevoked: (webhook) => {
      if (watching?.id === webhook.id) setWatching(null);
    },
  });

  return (
    <IntegrationSection
      id="webhooks-title"
      title="Webhooks"
      createLabel="Add a webhook"
      adding={adding}
      onCreate={() => setAdding(true)}
      intro="Each event is sent as a signed POST to the URL and retried for a day until the receiver answers 2xx."
    >
      {issued && (
        <SecretOnce title={`Webhook added: ${issued.url}`} secrets={[{ label: "Signing secret", value: issued.secret }]} onDone={closeIssued}>
          <p className="hint">
            The receiver checks each delivery's <code>Ipf-Signature</code> header (an HMAC-SHA256 of the time and body) with this secret.
          </p>
        </SecretOnce>
      )}
      {adding && <AddWebhook onAdded={added} onCancel={() => setAdding(false)} />}
      <PagedRecords
        paged={paged}
        noun="webhooks"
        loading="Loading webhooks…"
        empty="No webhooks yet. Add one to send sales, stock changes or alerts to another system as they happen."
        actionError={remove.error}
      >
        {(items) => (
          <ul className="records" aria-label="Webhooks">
            {items.map((webhook) => (
              <li key={webhook.id} data-id={webhook.id}>
                <div className="record-title">{webhook.url}</div>
                {webhook.description && <div>{webhook.description}</div>}
                <div className="record-meta">Sends: {webhook.events.map(eventLabel).join("; ")}</div>
                <div className="record-meta">Added {new Date(webhook.createdAt).toLocaleString()}</div>
                <div className="record-actions">
                  <button type="button" className="secondary" aria-label={`Deliveries of ${webhook.url}`} onClick={() => setWatching(webhook)}>
                    Deliveries
                  </button>
                  <ConfirmButton
                    label="Delete"
                    accessibleLabel={`Delete ${webhook.url}`}
                    question={`Delete the webhook to ${webhook.url}? Events not sent yet are dropped, and the receiver gets nothing more.`}
                    confirmLabel="Yes, delete"
                    busy={remove.isPending}
                    onConfirm={() => remove.mutateAsync(webhook)}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </PagedRecords>
      {watching && <Deliveries key={watching.id} webhook={watching} onClose={() => setWatching(null)} />}
    </IntegrationSection>
  );
}

function AddWebhook({ onAdded, onCancel }: { onAdded: (webhook: IssuedWebhook) => void; onCancel: () => void }) {
  const [url, setUrl] = useState("https://");
  const [events, setEvents] = useState<WebhookEvent[]>(["sale.created"]);
  const [description, setDescription] = useState("");
  return (
    <CreateForm<IssuedWebhook>
      label="Add a webhook"
      path="/api/v1/webhooks"
      body={() => ({ url: url.trim(), events, description: description.trim() || undefined })}
      submitLabel="Add webhook"
      busyLabel="Adding…"
      onAdded={onAdded}
      onCancel={onCancel}
    >
      <div>
        <label htmlFor="webhook-url">URL</label>
        <input id="webhook-url" type="url" inputMode="url" required value={url} onChange={(e) => setUrl(e.target.value)} aria-describedby="webhook-url-hint" />
        <p id="webhook-url-hint" className="hint">
          An https address on the internet; private and local addresses are refused.
        </p>
      </div>
      <fieldset className="choices">
        <legend>Events to send</legend>
        {webhookEvents.map((choice) => (
          <label key={choice.value} className="check">
            <input type="checkbox" checked={events.includes(choice.value)} onChange={() => setEvents(toggleChoice(events, choice.value, webhookEvents))} />
            {choice.label}
            <span className="choice-code">{choice.value}</span>
          </label>
        ))}
      </fieldset>
      <div>
        <label htmlFor="webhook-description">Description (optional)</label>
        <input id="webhook-description" maxLength={500} value={description} onChange={(e) => setDescription(e.target.value)} placeholder="e.g. Accounting sync" />
      </div>
    </CreateForm>
  );
}
