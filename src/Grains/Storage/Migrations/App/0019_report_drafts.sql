-- The compliance reminder drafts each ABC report a location owes once its period ends. The flag tells a report
-- the reminder drafted from one a person generated, and the partial unique key makes the draft once per location
-- and period: two silos, two checks or a restart mid-check insert one row, whatever each read before inserting.
-- Reports people generate stay unconstrained (regenerating a period is allowed and audited).
ALTER TABLE app.compliance_reports ADD COLUMN auto_generated boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX compliance_reports_one_draft_per_period
    ON app.compliance_reports (organization_id, location_id, period_start, period_end) WHERE auto_generated;

-- A report alert names the report ready for its period (the reminder's draft, or one a person generated), so the
-- list, the webhook, SignalR and the mail can link to it.
ALTER TABLE app.compliance_alerts ADD COLUMN report_id uuid REFERENCES app.compliance_reports (id);
