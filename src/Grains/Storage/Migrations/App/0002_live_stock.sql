-- Live stock: the ledger's movements, exactly-once keys and stock alerts.

-- Rows of one movement (a sale's lines, a transfer's two sides) share a movement id and commit together.
ALTER TABLE app.transactions
    ADD COLUMN movement_id             uuid,
    ADD COLUMN supplier_id             uuid REFERENCES app.suppliers (id),
    ADD COLUMN counterpart_location_id uuid REFERENCES app.locations (id),
    ADD COLUMN reason                  text;
CREATE INDEX transactions_by_movement ON app.transactions (movement_id);
CREATE INDEX transactions_by_organization_time ON app.transactions (organization_id, occurred_at);
CREATE INDEX inventory_by_location ON app.inventory (location_id);

-- The ledger is append-only: nothing may change or remove a row once written.
CREATE FUNCTION app.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'app.transactions is append-only';
END;
$$;
CREATE TRIGGER transactions_append_only BEFORE UPDATE OR DELETE ON app.transactions
    FOR EACH ROW EXECUTE FUNCTION app.refuse_ledger_change();

-- The first answer to an idempotency key (a POS referenceId or an Idempotency-Key header),
-- written in the same transaction as the movement it answers.
CREATE TABLE app.idempotency_keys (
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    scope           text NOT NULL,
    key             text NOT NULL,
    request_hash    text NOT NULL,
    status          integer NOT NULL,
    response        jsonb NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (organization_id, scope, key)
);

-- Low and negative stock, raised once per crossing and cleared when stock is back.
CREATE TABLE app.stock_alerts (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    location_id     uuid NOT NULL REFERENCES app.locations (id),
    product_id      uuid NOT NULL REFERENCES app.products (id),
    kind            text NOT NULL CHECK (kind IN ('low_stock', 'negative_stock')),
    quantity        integer NOT NULL,
    par_level       integer NOT NULL,
    raised_at       timestamptz NOT NULL,
    cleared_at      timestamptz
);
CREATE INDEX stock_alerts_open ON app.stock_alerts (location_id, product_id) WHERE cleared_at IS NULL;
