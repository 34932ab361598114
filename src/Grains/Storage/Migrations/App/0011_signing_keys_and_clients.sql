-- The key ring that signs access tokens, shared by every Api node of the cluster. The newest key signs once it
-- has been published long enough for every node to know it; older keys only verify, until the tokens they
-- signed have expired. Private keys: guard this table (and its backups) like the password hashes.
CREATE TABLE app.signing_keys (
    key_id          text PRIMARY KEY,
    private_key_pem text NOT NULL,
    created_at      timestamptz NOT NULL
);

-- Integration clients: systems that get scoped access tokens with OAuth 2.0 client credentials. The secret is
-- 256 random bits, kept as its SHA-256 (a slow hash adds nothing to a secret that cannot be guessed).
CREATE TABLE app.integration_clients (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    name            text NOT NULL,
    secret_hash     text NOT NULL,
    scopes          text[] NOT NULL,
    created_by      uuid REFERENCES app.users (id),
    created_at      timestamptz NOT NULL,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX integration_clients_by_organization ON app.integration_clients (organization_id, created_at);
