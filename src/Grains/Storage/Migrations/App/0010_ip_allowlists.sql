-- The networks an enterprise organisation accepts signed-in requests from; empty means from anywhere.
-- cidr makes PostgreSQL itself refuse anything but a network. The organisation's gate grain keeps the list in
-- memory, so requests are checked against it without a query; the cap keeps that check a short scan.
ALTER TABLE app.organizations
    ADD COLUMN ip_allowlist cidr[] NOT NULL DEFAULT '{}' CHECK (cardinality(ip_allowlist) <= 100);
