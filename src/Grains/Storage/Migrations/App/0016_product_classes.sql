-- A merchant names its own categories (Whiskey, Bourbon, Red Wine, IPA); the class the regulators go by is kept
-- apart, derived from the category unless set (ComplianceClasses). ABC, TTB and tax figures read the class.
ALTER TABLE app.products
    DROP CONSTRAINT products_category_check,
    ADD CONSTRAINT products_category_length CHECK (length(category) BETWEEN 1 AND 50),
    ADD COLUMN compliance_class text NOT NULL DEFAULT 'other'
        CHECK (compliance_class IN ('spirits', 'wine', 'beer', 'cider', 'non_alcoholic', 'other'));

-- The five categories allowed until now each name a class; a mixer is non-alcoholic.
UPDATE app.products SET compliance_class = CASE category
    WHEN 'spirits' THEN 'spirits' WHEN 'wine' THEN 'wine' WHEN 'beer' THEN 'beer' WHEN 'mixer' THEN 'non_alcoholic' ELSE 'other' END;
