-- Demand models, one per organisation: trained on its ledger by its forecast grain, kept here so a restart or a
-- silo that takes the grain over forecasts at once instead of training again.
CREATE TABLE app.forecast_models (
    organization_id uuid PRIMARY KEY REFERENCES app.organizations (id),
    trained_at      timestamptz NOT NULL,
    through_week    date NOT NULL,
    series          integer NOT NULL,
    model           bytea NOT NULL
);
