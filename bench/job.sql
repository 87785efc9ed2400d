-- The benchmark job in SQL (SQLite and DuckDB): the status of each measure by the default
-- rule, counted per field. Tables m (measures) and t (tasks) hold the CSV files as text.
WITH per_kind AS (
  SELECT field, measure, kind,
         MIN(CASE WHEN state IN ('done', 'not_applicable') THEN 1 ELSE 0 END) AS ok,
         MAX(CASE WHEN state IN ('in_progress', 'done') THEN 1 ELSE 0 END) AS started
  FROM t GROUP BY field, measure, kind),
per_measure AS (
  SELECT field, measure, COUNT(*) AS kinds, SUM(ok) AS oks, MAX(started) AS started
  FROM per_kind GROUP BY field, measure)
SELECT m.field,
       CASE WHEN p.measure IS NULL THEN m.status
            WHEN p.kinds = 3 AND p.oks = 3 THEN 'implemented'
            WHEN p.started = 1 THEN 'in_progress'
            ELSE 'waiting' END AS status,
       COUNT(*) AS n
FROM m LEFT JOIN per_measure p ON p.field = m.field AND p.measure = m.measure
GROUP BY 1, 2 ORDER BY 1, 2;
