-- Expensive work from cheap requests (issue 21, finding 5): what lets the heavy checks start where they left off.

-- The audit chain as a verification last found it whole: the next verification starts at this entry (checking it again)
-- instead of the first. Dropped when a verification finds the chain broken; an admin's full=true walks from the first.
CREATE TABLE app.audit_checkpoints (
    organization_id uuid PRIMARY KEY REFERENCES app.organizations (id),
    sequence        bigint NOT NULL CHECK (sequence > 0),
    hash            text NOT NULL,
    verified_at     timestamptz NOT NULL
);

-- Each product-location's ledger in the order its grain applied it (recorded_at, then id): the shrinkage check reads
-- the rows after a count (few) instead of every row before it, and whether a count is its product-location's first row.
CREATE INDEX transactions_by_product_location_order ON app.transactions (location_id, product_id, recorded_at, id);

-- A location's counts alone: the location's usual variance is taken over them, without reading its sales.
CREATE INDEX transactions_counts_by_location ON app.transactions (location_id) INCLUDE (product_id, quantity, recorded_at)
    WHERE type = 'count';
