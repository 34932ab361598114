-- Webhook events leave the ledger's shared transaction: a commit writes one row here (its events as a JSON array),
-- and the dispatcher copies it to each subscribed webhook's outbox afterwards, deleting the row in that same
-- transaction, so a crash between the commit and the fan-out delays the deliveries but never loses them.
CREATE TABLE app.webhook_events (
    id              bigserial PRIMARY KEY,
    organization_id uuid NOT NULL,
    -- [{"event": "sale.created", "payload": {...}}, ...]: every event of one commit, in order.
    events          jsonb NOT NULL,
    created_at      timestamptz NOT NULL
);
CREATE INDEX webhook_events_by_organization ON app.webhook_events (organization_id, id);

-- One delivery in flight per webhook (busy_until is its lease, for every silo), and a circuit breaker: after a run of
-- failures the webhook rests until circuit_open_until, then one probe decides whether it closes or opens again.
ALTER TABLE app.webhooks
    ADD COLUMN busy_until         timestamptz,
    ADD COLUMN failures           integer NOT NULL DEFAULT 0,
    ADD COLUMN circuit_open_until timestamptz;

-- A webhook's next event, found without scanning everyone's backlog.
CREATE INDEX webhook_outbox_pending ON app.webhook_outbox (webhook_id, next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
