import { useEffect, useRef, useState } from "react";
import { keepPreviousData, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { apiFetch, withQuery } from "../../api/client";
import type { Page } from "../../api/types";
import type { Webhook, WebhookDelivery } from "../../api/admin";
import { Pager } from "../../components/Pager";
import { Done, Empty, Loading, Problem } from "../../components/Status";
import { deliveryOutcome, eventLabel } from "./choices";

const pageSize = 20;

/** Every try to deliver a webhook's events, newest first, with a way to send one again now. */
export function Deliveries({ webhook, onClose }: { webhook: Webhook; onClose: () => void }) {
  const queries = useQueryClient();
  const heading = useRef<HTMLHeadingElement>(null);
  const [page, setPage] = useState(1);
  useEffect(() => heading.current?.focus(), []);
  const tries = useQuery({
    queryKey: ["webhook-deliveries", webhook.id, page],
    queryFn: () => apiFetch<Page<WebhookDelivery>>(withQuery(`/api/v1/webhooks/${webhook.id}/deliveries`, { page, limit: pageSize })),
    placeholderData: keepPreviousData,
  });
  const redeliver = useMutation({
    mutationFn: (delivery: WebhookDelivery) =>
      apiFetch<WebhookDelivery>(`/api/v1/webhooks/${webhook.id}/deliveries/${delivery.outboxId}/redeliver`, { method: "POST" }),
    onSuccess: () => void queries.invalidateQueries({ queryKey: ["webhook-deliveries", webhook.id] }),
  });

  return (
    <section className="panel" aria-labelledby="deliveries-title">
      <div className="bar">
        <h3 id="deliveries-title" ref={heading} tabIndex={-1}>
          Deliveries to {webhook.url}
        </h3>
        <div className="record-actions">
          <button type="button" className="secondary" onClick={() => void tries.refetch()} disabled={tries.isFetching}>
            {tries.isFetching ? "Refreshing…" : "Refresh"}
          </button>
          <button type="button" className="link" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
      <Problem error={tries.error} />
      <Problem error={redeliver.error} />
      {redeliver.data && <Done>Sent again: {deliveryOutcome(redeliver.data).text}.</Done>}
      {tries.isLoading && <Loading what="Loading deliveries…" />}
      {tries.data && tries.data.items.length === 0 && (
        <Empty>No deliveries yet. One is made when an event this webhook sends happens: a sale, a stock change or an alert.</Empty>
      )}
      {tries.data && tries.data.items.length > 0 && (
        <ul className="records" aria-label="Deliveries">
          {tries.data.items.map((delivery) => {
            const outcome = deliveryOutcome(delivery);
            return (
              <li key={delivery.id} data-event-id={delivery.outboxId}>
                <div className={outcome.ok ? "outcome-ok" : "outcome-bad"}>
                  <strong>{outcome.text}</strong>
                </div>
                <div className="record-meta">
                  {eventLabel(delivery.event)} · try {delivery.attempt}
                  {delivery.manual && " (sent by hand)"} · {new Date(delivery.attemptedAt).toLocaleString()} · {delivery.durationMs} ms
                </div>
                <div className="record-actions">
                  <button type="button" className="secondary" disabled={redeliver.isPending} onClick={() => redeliver.mutate(delivery)}>
                    {redeliver.isPending && redeliver.variables?.id === delivery.id ? "Sending…" : "Redeliver"}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      <Pager page={tries.data?.pagination} onPage={setPage} noun="tries" />
    </section>
  );
}
