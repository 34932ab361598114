-- The seed's tables, in schema app, with our deliberate changes:
-- sku and barcode unique per organisation, money as numeric, timestamps as timestamptz.
CREATE SCHEMA IF NOT EXISTS app;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE app.organizations (
    id                uuid PRIMARY KEY,
    name              text NOT NULL,
    business_type     text NOT NULL CHECK (business_type IN ('bar', 'restaurant', 'liquor_store', 'distillery', 'distributor', 'other')),
    subscription_tier text NOT NULL DEFAULT 'starter' CHECK (subscription_tier IN ('starter', 'professional', 'enterprise')),
    license_number    text,
    email             text,
    phone             text,
    address_line1     text,
    address_line2     text,
    city              text,
    state             text,
    zip               text,
    country           text NOT NULL DEFAULT 'US',
    timezone          text NOT NULL DEFAULT 'America/Chicago',
    is_active         boolean NOT NULL DEFAULT true,
    created_at        timestamptz NOT NULL DEFAULT now(),
    updated_at        timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE app.locations (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    name            text NOT NULL,
    location_type   text NOT NULL DEFAULT 'bar' CHECK (location_type IN ('bar', 'restaurant', 'liquor_store', 'warehouse', 'distillery', 'other')),
    license_number  text,
    address_line1   text,
    address_line2   text,
    city            text,
    state           text,
    zip             text,
    phone           text,
    timezone        text NOT NULL,
    latitude        numeric(9, 6),
    longitude       numeric(9, 6),
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX locations_by_organization ON app.locations (organization_id, name);

CREATE TABLE app.users (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    email           text NOT NULL,
    password_hash   text NOT NULL,
    first_name      text NOT NULL,
    last_name       text NOT NULL,
    role            text NOT NULL CHECK (role IN ('admin', 'manager', 'staff')),
    phone           text,
    is_active       boolean NOT NULL DEFAULT true,
    last_login_at   timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
-- Sign-in is by email alone, so an email belongs to one person across all organisations.
CREATE UNIQUE INDEX users_email_unique ON app.users (lower(email));
CREATE INDEX users_by_organization ON app.users (organization_id, last_name, first_name);

CREATE TABLE app.suppliers (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    name            text NOT NULL,
    contact_name    text,
    email           text,
    phone           text,
    address_line1   text,
    address_line2   text,
    city            text,
    state           text,
    zip             text,
    account_number  text,
    payment_terms   text,
    is_active       boolean NOT NULL DEFAULT true,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX suppliers_by_organization ON app.suppliers (organization_id, name);

CREATE TABLE app.products (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    supplier_id     uuid REFERENCES app.suppliers (id),
    sku             text NOT NULL,
    barcode         text,
    gtin            char(14),
    name            text NOT NULL,
    brand           text,
    category        text NOT NULL CHECK (category IN ('spirits', 'wine', 'beer', 'mixer', 'other')),
    subcategory     text,
    size_ml         integer NOT NULL CHECK (size_ml > 0),
    abv             numeric(5, 2) NOT NULL CHECK (abv >= 0 AND abv <= 100),
    cost            numeric(12, 2) NOT NULL CHECK (cost >= 0),
    price           numeric(12, 2) NOT NULL CHECK (price >= 0),
    case_pack       integer CHECK (case_pack > 0),
    description     text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    deleted_at      timestamptz
);
-- Unique per organisation among live products: a deleted product's sku may be reused.
CREATE UNIQUE INDEX products_sku_unique ON app.products (organization_id, sku) WHERE deleted_at IS NULL;
CREATE UNIQUE INDEX products_gtin_unique ON app.products (organization_id, gtin) WHERE deleted_at IS NULL AND gtin IS NOT NULL;
CREATE INDEX products_by_organization ON app.products (organization_id, name) WHERE deleted_at IS NULL;
CREATE INDEX products_text_search ON app.products
    USING gin ((name || ' ' || coalesce(brand, '') || ' ' || sku) gin_trgm_ops);

CREATE TABLE app.inventory (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    location_id     uuid NOT NULL REFERENCES app.locations (id),
    product_id      uuid NOT NULL REFERENCES app.products (id),
    quantity        integer NOT NULL DEFAULT 0,
    par_level       integer NOT NULL DEFAULT 0 CHECK (par_level >= 0),
    reorder_point   integer NOT NULL DEFAULT 0 CHECK (reorder_point >= 0),
    last_count_date timestamptz,
    last_counted_by uuid REFERENCES app.users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (location_id, product_id)
);
CREATE INDEX inventory_by_organization_product ON app.inventory (organization_id, product_id);

-- The ledger: append-only, the truth for stock.
CREATE TABLE app.transactions (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    location_id     uuid NOT NULL REFERENCES app.locations (id),
    product_id      uuid NOT NULL REFERENCES app.products (id),
    type            text NOT NULL CHECK (type IN ('sale', 'purchase', 'transfer_in', 'transfer_out', 'adjustment', 'count', 'waste', 'comp')),
    quantity        integer NOT NULL,
    unit_cost       numeric(12, 2),
    unit_price      numeric(12, 2),
    total_amount    numeric(14, 2),
    reference_id    text,
    notes           text,
    user_id         uuid REFERENCES app.users (id),
    occurred_at     timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX transactions_by_location_time ON app.transactions (location_id, occurred_at);
CREATE INDEX transactions_by_product_location ON app.transactions (product_id, location_id);

CREATE TABLE app.compliance_reports (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    location_id     uuid REFERENCES app.locations (id),
    report_type     text NOT NULL,
    period_start    date NOT NULL,
    period_end      date NOT NULL,
    status          text NOT NULL DEFAULT 'draft' CHECK (status IN ('draft', 'generated', 'submitted')),
    data            jsonb NOT NULL DEFAULT '{}'::jsonb,
    generated_at    timestamptz,
    submitted_at    timestamptz,
    created_by      uuid REFERENCES app.users (id),
    created_at      timestamptz NOT NULL DEFAULT now(),
    updated_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX compliance_reports_by_organization ON app.compliance_reports (organization_id, period_start);

-- Opaque refresh tokens, stored hashed; family lets reuse revoke every descendant.
CREATE TABLE app.refresh_tokens (
    token_hash      text PRIMARY KEY,
    user_id         uuid NOT NULL REFERENCES app.users (id),
    family_id       uuid NOT NULL,
    expires_at      timestamptz NOT NULL,
    used_at         timestamptz,
    revoked_at      timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX refresh_tokens_by_family ON app.refresh_tokens (family_id);
