-- The seed's product fields still missing: a picture, and whether the product is still carried. An inactive product
-- is kept (its history and reports stay) but left out of counting, the stock lists and the reorder suggestions.
ALTER TABLE app.products
    ADD COLUMN image_url text CHECK (length(image_url) <= 2000),
    ADD COLUMN is_active boolean NOT NULL DEFAULT true;

-- The organisation's tax identifier (an EIN, a state seller's permit), and the state of its subscription: active,
-- past_due (still served, reminded) or suspended (refused; set by the platform operator).
ALTER TABLE app.organizations
    ADD COLUMN tax_id text CHECK (length(tax_id) <= 32),
    ADD COLUMN subscription_status text NOT NULL DEFAULT 'active' CHECK (subscription_status IN ('active', 'past_due', 'suspended'));

-- One primary location per organisation (the seed's locations.is_primary): its head office or first store. The
-- oldest open location of each organisation takes the part.
ALTER TABLE app.locations ADD COLUMN is_primary boolean NOT NULL DEFAULT false;
CREATE UNIQUE INDEX locations_one_primary ON app.locations (organization_id) WHERE is_primary;
UPDATE app.locations l SET is_primary = true
WHERE l.id = (SELECT f.id FROM app.locations f WHERE f.organization_id = l.organization_id AND f.is_active ORDER BY f.created_at, f.id LIMIT 1);
