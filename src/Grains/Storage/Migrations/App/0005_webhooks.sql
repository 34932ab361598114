-- Outgoing webhooks: subscriptions, a durable outbox written in the same transaction as the change,
-- and a log of every delivery attempt.

CREATE TABLE app.webhooks (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    url             text NOT NULL,
    events          text[] NOT NULL,
    description     text,
    -- Kept as is: signing needs it (shown to the admin once, when the webhook is created).
    secret          text NOT NULL,
    created_by      uuid REFERENCES app.users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz
);
CREATE INDEX webhooks_live ON app.webhooks (organization_id) WHERE deleted_at IS NULL;

-- One row per event and subscription. A dispatcher leases due rows (leased_until), so several silos
-- share the work and a silo that dies mid-delivery only delays its rows until the lease runs out.
CREATE TABLE app.webhook_outbox (
    id              uuid PRIMARY KEY,
    webhook_id      uuid NOT NULL REFERENCES app.webhooks (id),
    organization_id uuid NOT NULL,
    event           text NOT NULL,
    payload         jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    leased_until    timestamptz,
    delivered_at    timestamptz,
    failed_at       timestamptz,
    last_status     integer,
    last_error      text
);
CREATE INDEX webhook_outbox_due ON app.webhook_outbox (next_attempt_at) WHERE delivered_at IS NULL AND failed_at IS NULL;
CREATE INDEX webhook_outbox_by_webhook ON app.webhook_outbox (webhook_id, created_at);

CREATE TABLE app.webhook_deliveries (
    id              uuid PRIMARY KEY,
    outbox_id       uuid NOT NULL REFERENCES app.webhook_outbox (id),
    webhook_id      uuid NOT NULL REFERENCES app.webhooks (id),
    organization_id uuid NOT NULL,
    event           text NOT NULL,
    attempt         integer NOT NULL,
    attempted_at    timestamptz NOT NULL,
    status_code     integer,
    error           text,
    duration_ms     integer NOT NULL,
    manual          boolean NOT NULL DEFAULT false
);
CREATE INDEX webhook_deliveries_by_webhook ON app.webhook_deliveries (webhook_id, attempted_at DESC);
