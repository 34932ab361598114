-- Compliance: licences, the alerts raised about them and about filings, and what a report records.

CREATE TABLE app.licenses (
    id                 uuid PRIMARY KEY,
    organization_id    uuid NOT NULL REFERENCES app.organizations (id),
    -- Null for a licence of the whole business (a federal basic permit, say).
    location_id        uuid REFERENCES app.locations (id),
    license_type       text NOT NULL,
    issuing_authority  text NOT NULL,
    license_number     text NOT NULL,
    issued_on          date,
    expires_on         date NOT NULL,
    -- How long before expiry the renewal must be filed; the licence shows as expiring from then.
    renewal_lead_days  integer NOT NULL DEFAULT 90 CHECK (renewal_lead_days BETWEEN 0 AND 730),
    notes              text,
    created_at         timestamptz NOT NULL DEFAULT now(),
    updated_at         timestamptz NOT NULL DEFAULT now(),
    deleted_at         timestamptz,
    CHECK (issued_on IS NULL OR issued_on <= expires_on)
);
CREATE INDEX licenses_by_organization ON app.licenses (organization_id, expires_on) WHERE deleted_at IS NULL;

-- One row per alert ever raised; alert_key makes each one once (a licence, its expiry date and the threshold).
CREATE TABLE app.compliance_alerts (
    id               uuid PRIMARY KEY,
    organization_id  uuid NOT NULL REFERENCES app.organizations (id),
    location_id      uuid REFERENCES app.locations (id),
    license_id       uuid REFERENCES app.licenses (id),
    alert_key        text NOT NULL,
    kind             text NOT NULL CHECK (kind IN ('license_expiring', 'license_expired', 'report_due', 'report_overdue')),
    days_left        integer NOT NULL,
    due_on           date NOT NULL,
    subject          text NOT NULL,
    message          text NOT NULL,
    raised_at        timestamptz NOT NULL,
    acknowledged_at  timestamptz,
    acknowledged_by  uuid REFERENCES app.users (id),
    -- Set when the cause went away (the licence was renewed or deleted, the report submitted).
    resolved_at      timestamptz,
    UNIQUE (organization_id, alert_key)
);
CREATE INDEX compliance_alerts_by_organization ON app.compliance_alerts (organization_id, raised_at DESC);

-- A report records who generated and who submitted it.
ALTER TABLE app.compliance_reports
    ADD COLUMN generated_by uuid REFERENCES app.users (id),
    ADD COLUMN submitted_by uuid REFERENCES app.users (id);
