-- A filed (submitted) ABC report closes its location's period to new movements dated inside it. A manager may reopen
-- it, with a reason, to record what was missed; the report stays submitted (it was filed with the regulator) and the
-- period stays open until an amended report for it is submitted.
ALTER TABLE app.compliance_reports
    ADD COLUMN reopened_at   timestamptz,
    ADD COLUMN reopened_by   uuid REFERENCES app.users (id),
    ADD COLUMN reopen_reason text CHECK (length(reopen_reason) <= 500);

-- What the closed-period check reads: the periods still closed at a location.
CREATE INDEX compliance_reports_closed_periods ON app.compliance_reports (organization_id, location_id, period_end)
    WHERE status = 'submitted' AND reopened_at IS NULL;
