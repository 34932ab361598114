-- Point-of-sale integrations: who may push sales, and the lines nobody could match yet.

-- An integration's API key is kept only as its SHA-256; the webhook secret is kept as is, since
-- verifying a signature needs it (as every webhook sender and receiver keeps theirs).
CREATE TABLE app.integrations (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    name            text NOT NULL,
    kind            text NOT NULL CHECK (kind IN ('pos')),
    api_key_hash    text NOT NULL UNIQUE,
    api_key_prefix  text NOT NULL,
    webhook_secret  text NOT NULL,
    created_by      uuid REFERENCES app.users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    revoked_at      timestamptz
);
CREATE INDEX integrations_by_organization ON app.integrations (organization_id, created_at);

-- A POS line whose sku or barcode matched no product: kept until someone maps it, then applied once.
-- One row per line of a POS transaction of one integration at one location, so a sale delivered five
-- times queues its line once.
CREATE TABLE app.unmapped_items (
    id                 uuid PRIMARY KEY,
    organization_id    uuid NOT NULL REFERENCES app.organizations (id),
    integration_id     uuid NOT NULL REFERENCES app.integrations (id),
    location_id        uuid NOT NULL REFERENCES app.locations (id),
    pos_transaction_id text NOT NULL,
    line_number        integer NOT NULL,
    sku                text,
    barcode            text,
    quantity           integer NOT NULL,
    unit_price         numeric(12, 2),
    occurred_at        timestamptz NOT NULL,
    status             text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'mapped')),
    product_id         uuid REFERENCES app.products (id),
    movement_id        uuid,
    mapped_by          uuid REFERENCES app.users (id),
    mapped_at          timestamptz,
    created_at         timestamptz NOT NULL DEFAULT now(),
    UNIQUE (integration_id, location_id, pos_transaction_id, line_number)
);
CREATE INDEX unmapped_items_open ON app.unmapped_items (organization_id, created_at) WHERE status = 'open';
