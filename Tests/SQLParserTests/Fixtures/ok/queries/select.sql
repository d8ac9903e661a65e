-- Queries of the kind application code sends.
SELECT u.id, u.email, count(o.id) AS orders
FROM users u
LEFT JOIN orders o ON o.user_id = u.id AND o.status <> 'cancelled'
WHERE u.created_at > now() - interval '30 days'
GROUP BY u.id, u.email
HAVING count(o.id) > 0
ORDER BY orders DESC NULLS LAST
LIMIT 20 OFFSET 0;

WITH recent AS (
  SELECT * FROM events WHERE ts > $1
)
SELECT e.kind, jsonb_agg(e.payload ORDER BY e.ts) FILTER (WHERE e.payload ? 'id')
FROM recent e
GROUP BY ROLLUP (e.kind);
