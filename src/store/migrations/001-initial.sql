-- The registry, sweeps, per-site results and API tokens (issue 3).

CREATE TABLE sites (
  id text PRIMARY KEY,
  -- Registry order, as in the sites file.
  position integer NOT NULL UNIQUE,
  full_name text NOT NULL,
  homepage text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'city', 'county')),
  kind text NOT NULL CHECK (kind IN ('portal', 'department')),
  region text NOT NULL,
  parent text,
  site_code text,
  archive_roots text[] NOT NULL DEFAULT '{}'
);

CREATE TABLE sweeps (
  id text PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('quarterly-patrol', 'semiannual-check', 'adhoc')),
  period text NOT NULL,
  state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'failed')),
  total integer NOT NULL CHECK (total >= 0),
  done integer NOT NULL DEFAULT 0,
  failed integer NOT NULL DEFAULT 0,
  site_ids text[] NOT NULL,
  now timestamptz NOT NULL,
  region text,
  requested_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  started_at timestamptz,
  finished_at timestamptz,
  error text
);

CREATE INDEX sweeps_created_at ON sweeps (created_at DESC);

-- No foreign key to sites: results outlive a site's removal from the registry.
CREATE TABLE site_results (
  sweep_id text NOT NULL REFERENCES sweeps (id) ON DELETE CASCADE,
  site_id text NOT NULL,
  quarter text NOT NULL,
  half_year text NOT NULL,
  result jsonb NOT NULL,
  stored_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (sweep_id, site_id)
);

CREATE INDEX site_results_quarter ON site_results (quarter, site_id, stored_at DESC);
CREATE INDEX site_results_half_year ON site_results (half_year, site_id, stored_at DESC);
CREATE INDEX site_results_site ON site_results (site_id, stored_at DESC);

CREATE TABLE api_tokens (
  id text PRIMARY KEY,
  -- SHA-256 hex of the token; the token itself is never stored.
  token_hash text NOT NULL UNIQUE,
  role text NOT NULL CHECK (role IN ('province', 'city')),
  region text,
  name text,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK ((role = 'city') = (region IS NOT NULL))
);
