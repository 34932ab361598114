-- The ledger's hot references are checked by the grains that write it, not by foreign keys.
--
-- Every ledger row is written by live stock's group commit after its product-location grain has read
-- the product and the location within the movement's organisation (a stricter check than a foreign
-- key, which does not compare organisations), by a user whose token named that organisation.
-- Checking the same four references again on every row cost about half of the row's insert time and
-- took a share lock on each referenced row (docs/PERFORMANCE.md). Nothing is ever deleted from those
-- tables: products are soft-deleted, locations and users deactivated. Ledger verification still
-- proves quantity = sum of ledger for every product-location.
--
-- The supplier and counterpart-location keys stay: only receipts and transfers carry them.
ALTER TABLE app.transactions
    DROP CONSTRAINT transactions_organization_id_fkey,
    DROP CONSTRAINT transactions_location_id_fkey,
    DROP CONSTRAINT transactions_product_id_fkey,
    DROP CONSTRAINT transactions_user_id_fkey;

-- An idempotency key is kept in the same commit as its movement, for the organisation of the caller's token.
ALTER TABLE app.idempotency_keys
    DROP CONSTRAINT idempotency_keys_organization_id_fkey;
