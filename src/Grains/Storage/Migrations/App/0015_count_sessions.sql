-- A count of a location is a session with a snapshot time, split by area (back bar, well, cellar,
-- walk-in, kitchen) so several people count at once and each area is finished on its own. Completing
-- it records, per product, the difference between what was counted and what the ledger held at the
-- snapshot, so sales rung while people count do not corrupt it.

CREATE TABLE app.count_sessions (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    location_id     uuid NOT NULL REFERENCES app.locations (id),
    name            text NOT NULL,
    snapshot_at     timestamptz NOT NULL,
    status          text NOT NULL CHECK (status IN ('open', 'completed', 'cancelled')),
    created_by      uuid REFERENCES app.users (id),
    created_at      timestamptz NOT NULL,
    completed_at    timestamptz,
    completed_by    uuid REFERENCES app.users (id),
    movement_id     uuid
);
CREATE INDEX count_sessions_by_location ON app.count_sessions (organization_id, location_id, snapshot_at DESC);

CREATE TABLE app.count_areas (
    session_id  uuid NOT NULL REFERENCES app.count_sessions (id),
    name        text NOT NULL,
    position    integer NOT NULL,
    finished_at timestamptz,
    finished_by uuid REFERENCES app.users (id),
    PRIMARY KEY (session_id, name)
);

-- One line per product per area; counting it again in that area replaces the line.
CREATE TABLE app.count_lines (
    session_id     uuid NOT NULL REFERENCES app.count_sessions (id),
    area           text NOT NULL,
    product_id     uuid NOT NULL REFERENCES app.products (id),
    shelf_position integer NOT NULL DEFAULT 0,
    quantity       numeric(20, 8) NOT NULL,
    volume_ml      numeric(20, 3),
    counted_by     uuid REFERENCES app.users (id),
    counted_at     timestamptz NOT NULL,
    PRIMARY KEY (session_id, area, product_id)
);
