-- Finalised period notices (定稿, issue 10): each version as it was finalised, never edited or deleted.

CREATE TABLE notice_versions (
  kind text NOT NULL CHECK (kind IN ('quarterly', 'semiannual')),
  -- '2026Q4' or '2026H2'.
  period text NOT NULL,
  -- The notice's region: a 6-digit division code, or 'province' for the whole province.
  scope text NOT NULL CHECK (scope = 'province' OR scope ~ '^[0-9]{6}$'),
  version integer NOT NULL CHECK (version >= 1),
  finalised_at timestamptz NOT NULL,
  -- Who: the token's name (or its id when it has none).
  finalised_by text NOT NULL,
  -- The notice's model as JSON, exactly the text hashed: every figure, name and problem it shows.
  content text NOT NULL,
  -- sha256 (hex) of `content`.
  content_hash text NOT NULL CHECK (content_hash ~ '^[0-9a-f]{64}$'),
  -- sha256 of the content without its dates: a notice finalised again unchanged is not stored twice.
  substance_hash text NOT NULL,
  -- How many of its findings were reviewed, appealed and struck off (as in `content`), for the list.
  counts jsonb NOT NULL,
  -- The formats as served from then on, rendered once at finalisation (PDF is printed from `html`).
  html text NOT NULL,
  -- bytes, not text: the CSV starts with a byte-order mark, which a text column's client may drop.
  csv bytea NOT NULL,
  xlsx bytea NOT NULL,
  PRIMARY KEY (kind, period, scope, version)
);

CREATE FUNCTION notice_versions_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'notice_versions is append-only: a finalised notice is never edited or deleted'
    USING ERRCODE = 'restrict_violation';
END
$$;

CREATE TRIGGER notice_versions_append_only BEFORE UPDATE OR DELETE ON notice_versions
  FOR EACH ROW EXECUTE FUNCTION notice_versions_append_only();
