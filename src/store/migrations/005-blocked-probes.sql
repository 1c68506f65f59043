-- A firewall's block page (a probe ok with error 'BLOCKED') tells nothing of the site's availability: the
-- day counts leave it out of `probes` and count it apart, in `blocked`.

ALTER TABLE homepage_probe_days ADD COLUMN blocked integer NOT NULL DEFAULT 0;

-- The days counted before, recounted from their probes (`failures` never held a blocked probe, being ok).
UPDATE homepage_probe_days d
SET probes = c.probes, blocked = c.blocked
FROM (
  SELECT site_id, (at AT TIME ZONE 'Asia/Shanghai')::date AS day,
    count(*) FILTER (WHERE NOT (ok AND error IS NOT DISTINCT FROM 'BLOCKED'))::integer AS probes,
    count(*) FILTER (WHERE ok AND error IS NOT DISTINCT FROM 'BLOCKED')::integer AS blocked
  FROM homepage_probes
  GROUP BY 1, 2
) c
WHERE d.site_id = c.site_id AND d.day = c.day;
