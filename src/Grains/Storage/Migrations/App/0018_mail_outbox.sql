-- Mail the product sends (licence and report alerts, the low-stock digest, shrinkage) waits here until an SMTP
-- server has taken it. A mail is written in the transaction of what it tells of, one row per recipient, and its
-- key makes a second queueing of the same news to the same person a no-op: each mail is sent once, whichever
-- silo sends it and however often a check runs.
CREATE TABLE app.mail_outbox (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    user_id         uuid NOT NULL REFERENCES app.users (id),
    topic           text NOT NULL,
    mail_key        text NOT NULL,
    recipient       text NOT NULL,
    subject         text NOT NULL,
    body            text NOT NULL,
    created_at      timestamptz NOT NULL,
    attempts        integer NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    leased_until    timestamptz,
    sent_at         timestamptz,
    failed_at       timestamptz,
    last_error      text,
    UNIQUE (user_id, mail_key)
);
CREATE INDEX mail_outbox_due ON app.mail_outbox (next_attempt_at) WHERE sent_at IS NULL AND failed_at IS NULL;
CREATE INDEX mail_outbox_by_organization ON app.mail_outbox (organization_id, created_at);

-- What each user chose to receive by mail. No row: the defaults of the user's role (admins and managers get
-- every topic, staff none).
CREATE TABLE app.mail_preferences (
    user_id         uuid PRIMARY KEY REFERENCES app.users (id),
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    topics          text[] NOT NULL,
    updated_at      timestamptz NOT NULL
);
