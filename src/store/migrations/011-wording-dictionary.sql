-- The offices' own wording-error entries (错敏字, issue 12) and each site's exceptions: rows are never
-- edited, and a deleted one keeps its row with `deleted_at` set, so that who added what stays on record.

CREATE TABLE wording_entries (
  id text PRIMARY KEY,
  wrong text NOT NULL CHECK (wrong <> ''),
  correct text NOT NULL CHECK (correct <> ''),
  category text NOT NULL
    CHECK (category IN ('leader', 'organ', 'law', 'meeting', 'division', 'political-term')),
  grade text NOT NULL CHECK (grade IN ('严重', '一般')),
  -- Who: the token's name (or its id when it has none).
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

-- One live entry per wrong form.
CREATE UNIQUE INDEX wording_entries_wrong ON wording_entries (wrong) WHERE deleted_at IS NULL;

-- No foreign key to sites: a site's exceptions outlive its removal from the registry, as its results do.
CREATE TABLE wording_exceptions (
  id text PRIMARY KEY,
  site_id text NOT NULL,
  -- A phrase of the site that is no error: a wrong form equal to it or lying inside it is not reported.
  text text NOT NULL CHECK (text <> ''),
  reason text NOT NULL,
  created_by text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  deleted_at timestamptz
);

CREATE UNIQUE INDEX wording_exceptions_text ON wording_exceptions (site_id, text) WHERE deleted_at IS NULL;
