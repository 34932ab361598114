-- How many days a supplier takes to deliver after an order: what order sizing covers before stock arrives.
-- Null: the product's default (Forecasting:LeadTimeDays).
ALTER TABLE app.suppliers ADD COLUMN lead_time_days integer CHECK (lead_time_days BETWEEN 0 AND 365);
