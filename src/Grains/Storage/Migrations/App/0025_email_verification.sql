-- An email address proves itself before it counts. A person signs in by email alone, so an address belongs to one
-- account across all organisations, but only once its owner has followed a link mailed to it: until then it claims
-- nothing, so no one can take another company's address by typing it first.

-- Users: verified when they proved their address (everyone before this migration counts as verified). An invited
-- user has no password until they accept, unless the admin who invited them chose one (the seed's form).
ALTER TABLE app.users ADD COLUMN email_verified_at timestamptz;
UPDATE app.users SET email_verified_at = created_at;
ALTER TABLE app.users ALTER COLUMN password_hash DROP NOT NULL;
DROP INDEX app.users_email_unique;
CREATE UNIQUE INDEX users_email_unique ON app.users (lower(email)) WHERE email_verified_at IS NOT NULL;
-- Invitations of one address by several organisations may wait side by side; within one organisation, once.
CREATE UNIQUE INDEX users_email_per_organization ON app.users (organization_id, lower(email));

-- A business that signed up and has not yet verified its address: no organisation and no user exist until it has.
-- One waiting sign-up per address; a new one replaces it (and the links mailed for it).
CREATE TABLE app.sign_ups (
    id                uuid PRIMARY KEY,
    email             text NOT NULL,
    organization_name text NOT NULL,
    business_type     text NOT NULL,
    first_name        text NOT NULL,
    last_name         text NOT NULL,
    password_hash     text NOT NULL,
    requested_at      timestamptz NOT NULL, -- when it was signed up, or last asked for a new link

    verified_at       timestamptz,
    organization_id   uuid REFERENCES app.organizations (id)
);
CREATE UNIQUE INDEX sign_ups_waiting_email ON app.sign_ups (lower(email)) WHERE verified_at IS NULL;
CREATE INDEX sign_ups_waiting_since ON app.sign_ups (requested_at) WHERE verified_at IS NULL;

-- One-time links mailed to prove an address: a sign-up's verification or an invitation. Only the SHA-256 of the
-- token is kept; the token itself is only in the mail.
CREATE TABLE app.email_links (
    token_hash  text PRIMARY KEY,
    purpose     text NOT NULL CHECK (purpose IN ('verify_email', 'invitation')),
    sign_up_id  uuid REFERENCES app.sign_ups (id) ON DELETE CASCADE,
    user_id     uuid REFERENCES app.users (id),
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    used_at     timestamptz,
    replaced_at timestamptz,
    CHECK ((purpose = 'verify_email' AND sign_up_id IS NOT NULL AND user_id IS NULL)
        OR (purpose = 'invitation' AND user_id IS NOT NULL AND sign_up_id IS NULL))
);
CREATE INDEX email_links_by_sign_up ON app.email_links (sign_up_id) WHERE sign_up_id IS NOT NULL;
CREATE INDEX email_links_by_user ON app.email_links (user_id) WHERE user_id IS NOT NULL;

-- Account mail (a verification link, an invitation) may go to an address that has no user or organisation yet.
ALTER TABLE app.mail_outbox ALTER COLUMN organization_id DROP NOT NULL, ALTER COLUMN user_id DROP NOT NULL;
