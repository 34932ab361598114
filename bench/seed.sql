-- Bulk load for `make bench`: the catalogue, the locations and the opening stock of one organisation,
-- written straight into the product's tables after its migrations ran (scripts/bench.sh runs this with psql).
--
-- Variables (psql -v): org, admin (uuids from POST /api/v1/auth/register), locations, products,
-- hot_locations, hot_products. Standard input: src/Grains/Catalogue/DemoData/products.csv.
--
-- Every opening quantity is matched by an opening 'count' row in the ledger, so quantity = sum of ledger
-- holds from the start and GET /api/v1/admin/ledger/verify stays balanced.
-- Schema bench keeps the ids for the load generator and the pick table for pgbench.
\set ON_ERROR_STOP on
BEGIN;
CREATE SCHEMA bench;
SELECT setseed(0.42);

CREATE TABLE bench.demo_products (
    ord serial, sku text, name text, brand text, category text, subcategory text, size_ml int, abv numeric,
    upc text, cost numeric, price numeric, supplier text, case_pack int);
\copy bench.demo_products (sku, name, brand, category, subcategory, size_ml, abv, upc, cost, price, supplier, case_pack) FROM pstdin WITH (FORMAT csv, HEADER true)

-- Locations: a chain of taprooms and bottle shops across Iowa; the first :hot_locations are the busy ones.
CREATE TABLE bench.locations AS
SELECT i AS idx,
       gen_random_uuid() AS id,
       (ARRAY['Des Moines', 'Cedar Rapids', 'Davenport', 'Sioux City', 'Iowa City', 'Ankeny', 'West Des Moines', 'Ames',
              'Waterloo', 'Council Bluffs', 'Dubuque', 'Urbandale', 'Cedar Falls', 'Marion', 'Bettendorf', 'Mason City',
              'Marshalltown', 'Clinton', 'Burlington', 'Ottumwa', 'Fort Dodge', 'Muscatine', 'Coralville', 'Johnston',
              'Waukee'])[i % 25 + 1] AS city,
       (i / 25) % 2 = 0 AS taproom,
       i / 50 AS round,
       (100 + (i * 37) % 900)::text || ' ' ||
       (ARRAY['Main St', 'Grand Ave', '2nd Ave', 'Court Ave', 'Locust St', 'Ingersoll Ave', 'University Ave',
              'Kirkwood Blvd', 'River Dr', 'Elm St'])[i % 10 + 1] AS street
FROM generate_series(0, :locations - 1) AS i;

INSERT INTO app.locations (id, organization_id, name, location_type, license_number, address_line1, city, state, zip, timezone)
SELECT id, :'org'::uuid,
       'Friday Night ' || CASE WHEN taproom THEN 'Taproom' ELSE 'Bottle Shop' END || ' — ' || city
           || CASE WHEN round > 0 THEN ' ' || (round + 1)::text ELSE '' END,
       CASE WHEN taproom THEN 'bar' ELSE 'liquor_store' END,
       'BE' || lpad((40000 + idx)::text, 7, '0'), street, city, 'IA', (50000 + idx * 7)::text, 'America/Chicago'
FROM bench.locations;

-- Products: the demo catalogue's 338 real-looking rows, then the same rows in other sizes and packs
-- (1.75L, 375ml, 6-pack, magnum...), then numbered lots if still more are asked for.
-- The first :hot_products (the demo rows in file order, standard size) are the best sellers.
CREATE TABLE bench.products AS
WITH demo AS (SELECT row_number() OVER (ORDER BY ord) - 1 AS k, d.* FROM bench.demo_products d),
     n AS (SELECT count(*) AS c FROM demo),
     picked AS (
         SELECT i AS idx, d.*, (i / n.c)::int AS variant
         FROM generate_series(0, :products - 1) AS i CROSS JOIN n JOIN demo d ON d.k = i % n.c)
SELECT idx, gen_random_uuid() AS id, sku, name, brand, category, subcategory, abv, case_pack, variant,
       CASE category
           WHEN 'wine' THEN (ARRAY['', '1.5L Magnum', '375ml Half Bottle', '187ml Split', '3L Box', '6-Bottle Case'])[variant % 6 + 1]
           WHEN 'beer' THEN (ARRAY['', '6-Pack', '12-Pack', '24-Pack Case', '1/6 Barrel Keg', '1/2 Barrel Keg'])[variant % 6 + 1]
           ELSE (ARRAY['', '1L', '1.75L', '375ml', '200ml', '50ml'])[variant % 6 + 1]
       END AS label,
       CASE category
           WHEN 'wine' THEN (ARRAY[size_ml, 1500, 375, 187, 3000, 4500])[variant % 6 + 1]
           WHEN 'beer' THEN (ARRAY[size_ml, size_ml * 6, size_ml * 12, size_ml * 24, 19550, 58670])[variant % 6 + 1]
           ELSE (ARRAY[size_ml, 1000, 1750, 375, 200, 50])[variant % 6 + 1]
       END AS size_ml,
       CASE category
           WHEN 'wine' THEN (ARRAY[1, 2.0, 0.55, 0.3, 2.8, 5.7])[variant % 6 + 1]
           WHEN 'beer' THEN (ARRAY[1, 5.5, 10, 18, 45, 110])[variant % 6 + 1]
           ELSE (ARRAY[1, 1.3, 2.05, 0.55, 0.32, 0.12])[variant % 6 + 1]
       END AS factor,
       cost, price
FROM picked;

INSERT INTO app.products (id, organization_id, sku, name, brand, category, subcategory, size_ml, abv, cost, price, case_pack)
SELECT id, :'org'::uuid,
       sku || CASE WHEN variant = 0 THEN '' ELSE '-' || variant::text END,
       trim(name || ' ' || label) || CASE WHEN variant >= 6 THEN ' (lot ' || (variant / 6 + 1)::text || ')' ELSE '' END,
       brand, category, subcategory, size_ml, abv, round(cost * factor, 2), round(price * factor, 2), case_pack
FROM bench.products;
ALTER TABLE bench.products ADD COLUMN sale_price numeric(12, 2);
UPDATE bench.products b SET sale_price = p.price FROM app.products p WHERE p.id = b.id;

-- Opening stock: every product at every location. Best sellers at the busy locations are stocked deep;
-- everything else holds a shelf's worth. n numbers the rows for pgbench: n = location idx * products + product idx + 1.
CREATE TABLE bench.pick AS
SELECT (l.idx * :products + p.idx + 1)::int AS n,
       gen_random_uuid() AS inventory_id,
       :'org'::uuid AS organization_id,
       l.id AS location_id,
       p.id AS product_id,
       p.sale_price AS price,
       :'admin'::uuid AS user_id,
       CASE WHEN l.idx < :hot_locations AND p.idx < :hot_products THEN 1200 + floor(random() * 800)::int
            ELSE 24 + floor(random() * 73)::int END AS quantity,
       CASE WHEN l.idx < :hot_locations AND p.idx < :hot_products THEN 240
            ELSE (ARRAY[6, 12, 12, 24])[1 + floor(random() * 4)::int] END AS par_level
FROM bench.locations l CROSS JOIN bench.products p;
ALTER TABLE bench.pick ADD PRIMARY KEY (n);

INSERT INTO app.inventory (id, organization_id, location_id, product_id, quantity, par_level, reorder_point,
                           last_count_date, last_counted_by, created_at, updated_at)
SELECT inventory_id, organization_id, location_id, product_id, quantity, par_level, par_level / 2,
       now() - interval '1 day', user_id, now() - interval '1 day', now() - interval '1 day'
FROM bench.pick ORDER BY location_id, product_id;

INSERT INTO app.transactions (id, organization_id, location_id, product_id, type, quantity, notes, user_id,
                              movement_id, occurred_at, recorded_at)
SELECT gen_random_uuid(), organization_id, location_id, product_id, 'count', quantity, 'Opening stock', user_id,
       gen_random_uuid(), now() - interval '1 day', now() - interval '1 day'
FROM bench.pick;

DROP TABLE bench.demo_products;
COMMIT;
ANALYZE;
