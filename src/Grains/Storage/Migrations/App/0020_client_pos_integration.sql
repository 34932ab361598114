-- An integration client may push a POS integration's sales with its OAuth token instead of the integration's
-- API key (the seed's form): the client names the one integration whose sales it sends and whose secret signs them.
ALTER TABLE app.integration_clients ADD COLUMN integration_id uuid REFERENCES app.integrations (id);
