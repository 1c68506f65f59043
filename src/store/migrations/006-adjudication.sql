-- Findings, appeals and decisions (contract §7, issue 10).

-- Which site each finding id belongs to, so that an id alone leads to its site (for reach) and to the
-- site's results. One row per id ever stored; filled as results are stored (and, for the results stored
-- before, by migration 007). No foreign key: the history of a finding outlives its results.
CREATE TABLE finding_sites (
  finding_id text PRIMARY KEY,
  site_id text NOT NULL,
  rule_id text NOT NULL
);

CREATE INDEX finding_sites_site ON finding_sites (site_id);

-- Every appeal (申诉) and decision (复核: upheld or overturned), in the order made; never edited or deleted.
CREATE TABLE finding_actions (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  finding_id text NOT NULL,
  site_id text NOT NULL,
  rule_id text NOT NULL,
  what text NOT NULL CHECK (what IN ('appeal', 'upheld', 'overturned')),
  reason text NOT NULL CHECK (btrim(reason) <> ''),
  -- Decisions: the last day (Asia/Shanghai) of the results they carry forward to.
  until date,
  -- The evidence it was made on: it applies to results whose finding has this digest.
  evidence_digest text NOT NULL,
  -- The result it was made on, and that result's period ('2026Q4' or '2026H2'): it applies from that
  -- period on.
  sweep_id text NOT NULL,
  period text NOT NULL,
  -- Decisions made together with one reason share a batch.
  batch_id text,
  -- Who: the token's name (or its id when it has none), role and region.
  actor text NOT NULL,
  actor_role text NOT NULL CHECK (actor_role IN ('province', 'city')),
  actor_region text,
  token_id text,
  created_at timestamptz NOT NULL,
  CHECK ((what = 'appeal') = (until IS NULL))
);

CREATE INDEX finding_actions_finding ON finding_actions (finding_id, seq);
CREATE INDEX finding_actions_site ON finding_actions (site_id, seq);

CREATE FUNCTION finding_actions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'finding_actions is append-only: appeals and decisions are never edited or deleted'
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER finding_actions_append_only BEFORE UPDATE OR DELETE ON finding_actions
  FOR EACH ROW EXECUTE FUNCTION finding_actions_append_only();
