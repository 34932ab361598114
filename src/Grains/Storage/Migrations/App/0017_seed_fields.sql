-- The seed's product fields still missing: a picture, and whether the product is still carried. An inactive product
-- is kept (its history and reports stay) but left out of counting, the stock lists and the reorder suggestions.
ALTER TABLE app.products
    ADD COLUMN image_url text CHECK (length(image_url) <= 2000),
    ADD COLUMN is_active boolean NOT NULL DEFAULT true;
