-- Volume-true stock. Every quantity becomes an exact decimal in the product's stock unit (a bottle,
-- can, keg or each), and a movement of a liquid carries its volume in millilitres beside it, so a
-- 44.36 ml pour from a 750 ml bottle is recorded as poured. docs/ARCHITECTURE.md, "Quantities and
-- volumes", says why both columns are kept and how they agree.

-- Products: a stock unit, a size that may be a keg's (58,673.882 ml for a half barrel), and the
-- weights that turn a weighed open bottle into a volume.
ALTER TABLE app.products
    ADD COLUMN unit text NOT NULL DEFAULT 'bottle' CHECK (unit IN ('bottle', 'can', 'keg', 'each')),
    ALTER COLUMN size_ml TYPE numeric(12, 3),
    ALTER COLUMN size_ml DROP NOT NULL,
    ADD COLUMN full_weight_g numeric(10, 2) CHECK (full_weight_g > 0),
    ADD COLUMN empty_weight_g numeric(10, 2) CHECK (empty_weight_g > 0),
    ADD COLUMN density_g_per_ml numeric(6, 4) CHECK (density_g_per_ml > 0 AND density_g_per_ml < 3),
    ADD CONSTRAINT products_size_by_unit CHECK (size_ml IS NOT NULL OR unit = 'each'),
    ADD CONSTRAINT products_weights_ordered CHECK (full_weight_g IS NULL OR empty_weight_g IS NULL OR full_weight_g > empty_weight_g);

-- Eight decimals of a unit: a millionth of a millilitre in a bottle, well under one in a keg.
ALTER TABLE app.inventory
    ALTER COLUMN quantity TYPE numeric(20, 8),
    ALTER COLUMN par_level TYPE numeric(20, 8),
    ALTER COLUMN reorder_point TYPE numeric(20, 8),
    ADD COLUMN volume_ml numeric(20, 3);
UPDATE app.inventory i SET volume_ml = i.quantity * p.size_ml FROM app.products p WHERE p.id = i.product_id;

-- The ledger is append-only; this migration is the one writer allowed to give old rows their volume.
ALTER TABLE app.transactions DISABLE TRIGGER transactions_append_only;
ALTER TABLE app.transactions
    ALTER COLUMN quantity TYPE numeric(20, 8),
    ADD COLUMN volume_ml numeric(20, 3);
UPDATE app.transactions t SET volume_ml = t.quantity * p.size_ml FROM app.products p WHERE p.id = t.product_id;
ALTER TABLE app.transactions ENABLE TRIGGER transactions_append_only;

ALTER TABLE app.stock_alerts
    ALTER COLUMN quantity TYPE numeric(20, 8),
    ALTER COLUMN par_level TYPE numeric(20, 8);

ALTER TABLE app.unmapped_items
    ALTER COLUMN quantity TYPE numeric(20, 8);
