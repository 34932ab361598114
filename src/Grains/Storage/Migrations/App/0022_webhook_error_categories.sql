-- A failed delivery is logged as a category and a fixed sentence, never an exception's text (which can name our
-- hosts, addresses or libraries). Rows written before this keep what is certain and lose the rest.
ALTER TABLE app.webhook_deliveries ADD COLUMN error_category text;

UPDATE app.webhook_deliveries SET
    error_category = CASE
        WHEN error ~ '^The receiver answered [0-9]{3}\.$' THEN 'http_' || substring(error FROM '[0-9]{3}')
        WHEN error = 'The receiver did not answer in time.' THEN 'timeout'
        ELSE 'unknown' END,
    error = CASE
        WHEN error ~ '^The receiver answered [0-9]{3}\.$' OR error = 'The receiver did not answer in time.' THEN error
        ELSE 'The delivery failed.' END
WHERE error IS NOT NULL;

UPDATE app.webhook_outbox SET last_error = 'The delivery failed.'
WHERE last_error IS NOT NULL AND last_error !~ '^The receiver answered [0-9]{3}\.$' AND last_error <> 'The receiver did not answer in time.';
