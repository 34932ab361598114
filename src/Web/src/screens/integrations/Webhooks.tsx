import { useState, type FormEvent } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import type { IssuedWebhook, Webhook, WebhookEvent } from "../../api/admin";
import { ConfirmButton } from "../../components/ConfirmButton";
import { FormProblem } from "../../components/FormProblem";
import { Pager } from "../../components/Pager";
import { SecretOnce } from "../../components/SecretOnce";
import { Empty, Loading, Problem } from "../../components/Status";
import { eventLabel, toggleChoice, webhookEvents } from "./choices";
import { Deliveries } from "./Deliveries";

const pageSize = 20;

/** URLs that receive the organisation's events: add one (its signing secret shown once), delete one, watch its deliveries. */
export function Webhooks() {
  const queries = useQueryClient();
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const [issued, setIssued] = useState<IssuedWebhook | null>(null);
  const [watching, setWatching] = useState<Webhook | null>(null);
  const list = useQuery({
    queryKey: ["webhooks", page],
    queryFn: () => apiFetch<Page<Webhook>>(withQuery("/api/v1/webhooks", { page, limit: pageSize })),
    placeholderData: keepPreviousData,
  });
  const remove = useMutation({
    mutationFn: (webhook: Webhook) => apiFetch<null>(`/api/v1/webhooks/${webhook.id}`, { method: "DELETE" }),
    onSuccess: (_, webhook) => {
      if (watching?.id === webhook.id) setWatching(null);
      void queries.invalidateQueries({ queryKey: ["webhooks"] });
    },
  });

  return (
    <section aria-labelledby="webhooks-title">
      <div className="bar">
        <h2 id="webhooks-title">Webhooks</h2>
        {!adding && (
          <button type="button" onClick={() => setAdding(true)}>
            Add a webhook
          </button>
        )}
      </div>
      <p className="muted">Each event is sent as a signed POST to the URL and retried for a day until the receiver answers 2xx.</p>
      {issued && (
        <SecretOnce title={`Webhook added: ${issued.url}`} secrets={[{ label: "Signing secret", value: issued.secret }]} onDone={() => setIssued(null)}>
          <p className="hint">
            The receiver checks each delivery's <code>Ipf-Signature</code> header (an HMAC-SHA256 of the time and body) with this secret.
          </p>
        </SecretOnce>
      )}
      {adding && (
        <AddWebhook
          onAdded={(webhook) => {
            setAdding(false);
            setIssued(webhook);
            void queries.invalidateQueries({ queryKey: ["webhooks"] });
          }}
          onCancel={() => setAdding(false)}
        />
      )}
      <Problem error={list.error} />
      <Problem error={remove.error} />
      {list.isLoading && <Loading what="Loading webhooks…" />}
      {list.data && list.data.items.length === 0 && <Empty>No webhooks yet. Add one to send sales, stock changes or alerts to another system as they happen.</Empty>}
      {list.data && list.data.items.length > 0 && (
        <ul className="records" aria-label="Webhooks">
          {list.data.items.map((webhook) => (
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
      <Pager page={list.data?.pagination} onPage={setPage} noun="webhooks" />
      {watching && <Deliveries key={watching.id} webhook={watching} onClose={() => setWatching(null)} />}
    </section>
  );
}

function AddWebhook({ onAdded, onCancel }: { onAdded: (webhook: IssuedWebhook) => void; onCancel: () => void }) {
  const [url, setUrl] = useState("https://");
  const [events, setEvents] = useState<WebhookEvent[]>(["sale.created"]);
  const [description, setDescription] = useState("");
  const add = useMutation({
    mutationFn: () =>
      apiFetch<IssuedWebhook>("/api/v1/webhooks", {
        method: "POST",
        body: JSON.stringify({ url: url.trim(), events, description: description.trim() || undefined }),
      }),
    onSuccess: onAdded,
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    add.mutate();
  }

  return (
    <form className="panel" onSubmit={submit} aria-label="Add a webhook">
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
      <FormProblem error={add.error} />
      <div className="form-actions">
        <button type="submit" disabled={add.isPending}>
          {add.isPending ? "Adding…" : "Add webhook"}
        </button>
        <button type="button" className="secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
