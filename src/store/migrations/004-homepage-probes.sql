-- Scheduled requests for each site's homepage (clause 4.4.2, the national indicator 站点无法访问), issue 5.

-- No foreign key to sites: probes outlive a site's removal from the registry until they are pruned.
CREATE TABLE homepage_probes (
  site_id text NOT NULL,
  at timestamptz NOT NULL,
  url text NOT NULL,
  ok boolean NOT NULL,
  status integer,
  error text,
  duration_ms integer NOT NULL,
  PRIMARY KEY (site_id, at)
);

-- Failed probes are read on their own: samples and offline episodes.
CREATE INDEX homepage_probes_failed ON homepage_probes (site_id, at) WHERE NOT ok;
-- Old probes are deleted by age.
CREATE INDEX homepage_probes_at ON homepage_probes (at);

-- Probes and failures per site and Asia/Shanghai day, kept with the probes: a window's counts are read
-- from here rather than from each of the 48 probes a day a site gets.
CREATE TABLE homepage_probe_days (
  site_id text NOT NULL,
  day date NOT NULL,
  probes integer NOT NULL,
  failures integer NOT NULL,
  PRIMARY KEY (site_id, day)
);
