-- The PostgreSQL baseline of `make bench`: one POS sale line as one plain transaction, the way a
-- straightforward app would write it (stock row down by one, one ledger row), on a random inventory row.
-- Variables (pgbench -D): locations, products; hot (0 = uniform, 1 = the load generator's hot-spot mix),
-- hot_locations, hot_products, hot_percent. Rows come from bench.pick (see bench/seed.sql).
\set roll_l random(1, 100)
\set l CASE WHEN :hot = 0 THEN random(0, :locations - 1) WHEN :roll_l <= :hot_percent THEN random(0, :hot_locations - 1) ELSE random(:hot_locations, :locations - 1) END
\set roll_p random(1, 100)
\set p CASE WHEN :hot = 0 THEN random(0, :products - 1) WHEN :roll_p <= :hot_percent THEN random(0, :hot_products - 1) ELSE random(:hot_products, :products - 1) END
\set r :l * :products + :p + 1
BEGIN;
UPDATE app.inventory i SET quantity = i.quantity - 1, updated_at = now()
  FROM bench.pick k WHERE k.n = :r AND i.id = k.inventory_id;
INSERT INTO app.transactions (id, organization_id, location_id, product_id, type, quantity, unit_price, total_amount,
                              reference_id, user_id, movement_id, occurred_at, recorded_at)
  SELECT gen_random_uuid(), k.organization_id, k.location_id, k.product_id, 'sale', -1, k.price, k.price,
         'PGBENCH-' || :client_id || '-' || :r, k.user_id, gen_random_uuid(), now(), now()
  FROM bench.pick k WHERE k.n = :r;
END;
