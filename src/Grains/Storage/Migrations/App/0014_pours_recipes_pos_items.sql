-- A bar's menu as stock sees it: serving sizes (a shot, a double, a wine glass, a pint), recipes
-- (a Margarita is 2 oz of tequila and 1 oz of triple sec), the POS's items mapped to a recipe, a pour
-- of a product or whole units, and the POS's modifiers with what each does to the pour.

CREATE TABLE app.serving_sizes (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    name            text NOT NULL,
    volume_ml       numeric(12, 3) NOT NULL CHECK (volume_ml > 0),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX serving_sizes_name_unique ON app.serving_sizes (organization_id, lower(name)) WHERE deleted_at IS NULL;

CREATE TABLE app.recipes (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    name            text NOT NULL,
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz
);
CREATE UNIQUE INDEX recipes_name_unique ON app.recipes (organization_id, lower(name)) WHERE deleted_at IS NULL;

-- An ingredient is a tracked product (by volume, a serving size or whole units) or an untracked
-- one named only (lime juice), which stock ignores.
CREATE TABLE app.recipe_ingredients (
    recipe_id       uuid NOT NULL REFERENCES app.recipes (id),
    position        integer NOT NULL,
    product_id      uuid REFERENCES app.products (id),
    name            text,
    volume_ml       numeric(12, 3) CHECK (volume_ml > 0),
    serving_size_id uuid REFERENCES app.serving_sizes (id),
    quantity        numeric(20, 8) CHECK (quantity > 0),
    PRIMARY KEY (recipe_id, position),
    CHECK (product_id IS NOT NULL OR name IS NOT NULL)
);

-- A POS item (the POS's own id) of the organisation, or of one location when its menu differs there.
CREATE TABLE app.pos_items (
    id              uuid PRIMARY KEY,
    organization_id uuid NOT NULL REFERENCES app.organizations (id),
    location_id     uuid REFERENCES app.locations (id),
    pos_item_id     text NOT NULL,
    name            text NOT NULL,
    recipe_id       uuid REFERENCES app.recipes (id),
    product_id      uuid REFERENCES app.products (id),
    volume_ml       numeric(12, 3) CHECK (volume_ml > 0),
    serving_size_id uuid REFERENCES app.serving_sizes (id),
    quantity        numeric(20, 8) CHECK (quantity > 0),
    created_at      timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL,
    deleted_at      timestamptz,
    CHECK ((recipe_id IS NULL) <> (product_id IS NULL))
);
CREATE UNIQUE INDEX pos_items_unique ON app.pos_items (organization_id, coalesce(location_id, '00000000-0000-0000-0000-000000000000'::uuid), pos_item_id)
    WHERE deleted_at IS NULL;

CREATE TABLE app.pos_modifiers (
    id                  uuid PRIMARY KEY,
    organization_id     uuid NOT NULL REFERENCES app.organizations (id),
    pos_modifier_id     text NOT NULL,
    name                text NOT NULL,
    action              text NOT NULL CHECK (action IN ('ignore', 'multiply', 'set_size', 'add', 'substitute')),
    factor              numeric(8, 3) CHECK (factor > 0),
    volume_ml           numeric(12, 3) CHECK (volume_ml > 0),
    serving_size_id     uuid REFERENCES app.serving_sizes (id),
    product_id          uuid REFERENCES app.products (id),
    replaces_product_id uuid REFERENCES app.products (id),
    created_at          timestamptz NOT NULL,
    updated_at          timestamptz NOT NULL,
    deleted_at          timestamptz
);
CREATE UNIQUE INDEX pos_modifiers_unique ON app.pos_modifiers (organization_id, pos_modifier_id) WHERE deleted_at IS NULL;

-- A POS line may name the POS's item instead of a sku; one that matches no POS item waits here with
-- its modifiers until the item is mapped.
ALTER TABLE app.unmapped_items
    ADD COLUMN pos_item_id  text,
    ADD COLUMN item_name    text,
    ADD COLUMN modifier_ids text[] NOT NULL DEFAULT '{}';
CREATE INDEX unmapped_items_by_pos_item ON app.unmapped_items (organization_id, pos_item_id) WHERE status = 'open' AND pos_item_id IS NOT NULL;
