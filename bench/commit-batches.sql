-- Sales per ledger commit, per phase of the load generator (the tag in referenceId "POS-{tag}-..."):
-- every movement of one group commit gets the same app.idempotency_keys.created_at (now() = the start of
-- that commit's transaction). Output (psql -At -F,): phase, commits, movements, lines, avg, p50, p95, max.
WITH commits AS (
    SELECT split_part(key, '-', 2) AS phase, created_at, count(*) AS movements
    FROM app.idempotency_keys
    WHERE scope = 'sale' AND key LIKE 'POS-%'
    GROUP BY 1, 2),
lines AS (
    SELECT split_part(reference_id, '-', 2) AS phase, count(*) AS lines
    FROM app.transactions
    WHERE type = 'sale' AND reference_id LIKE 'POS-%'
    GROUP BY 1)
SELECT c.phase, count(*), sum(c.movements), coalesce(l.lines, 0), round(avg(c.movements), 2),
       percentile_disc(0.5) WITHIN GROUP (ORDER BY c.movements),
       percentile_disc(0.95) WITHIN GROUP (ORDER BY c.movements),
       max(c.movements)
FROM commits c LEFT JOIN lines l USING (phase)
GROUP BY c.phase, l.lines
ORDER BY c.phase;
