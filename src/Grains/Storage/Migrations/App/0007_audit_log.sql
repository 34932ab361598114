-- The audit trail: every change outside the stock ledger, who made it, before and after, hash-chained per organisation.

-- One entry per change. Each carries the hash of the organisation's previous entry, so an entry edited or
-- deleted behind the product's back breaks the chain that the verification walks.
CREATE TABLE app.audit_log (
    id              bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    sequence        bigint NOT NULL CHECK (sequence > 0),
    occurred_at     timestamptz NOT NULL,
    user_id         uuid,
    request_id      text,
    action          text NOT NULL,
    entity_type     text NOT NULL,
    entity_id       text NOT NULL,
    before          jsonb,
    after           jsonb,
    previous_hash   text NOT NULL,
    hash            text NOT NULL,
    UNIQUE (organization_id, sequence)
);
CREATE INDEX audit_log_by_entity ON app.audit_log (organization_id, entity_type, entity_id);
CREATE INDEX audit_log_by_time ON app.audit_log (organization_id, occurred_at);

-- The newest entry of each organisation's chain. Appends lock this row, so concurrent writers make one chain;
-- it also shows a deleted last entry, which no link after it could.
CREATE TABLE app.audit_chain_heads (
    organization_id uuid PRIMARY KEY REFERENCES app.organizations (id),
    sequence        bigint NOT NULL,
    hash            text NOT NULL
);

-- Append-only, as the ledger is: a change or removal is refused (the verification catches one made with the trigger off).
CREATE FUNCTION app.refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'app.audit_log is append-only';
END;
$$;
CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON app.audit_log
    FOR EACH ROW EXECUTE FUNCTION app.refuse_audit_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON app.audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION app.refuse_audit_change();
