-- Webhook subscriptions and their delivery log (issue 4).

CREATE TABLE webhook_subscriptions (
  id text PRIMARY KEY,
  url text NOT NULL,
  -- The signing secret ('whsec_' + base64) in clear: each delivery is signed with it. Never returned by the API.
  secret text NOT NULL,
  events text[] NOT NULL CHECK (cardinality(events) > 0),
  -- A 6-digit division code: only sites within it (regionContains) are reported; null for all.
  region text,
  created_at timestamptz NOT NULL DEFAULT now(),
  created_by text NOT NULL
);

-- One row per event sent to one subscription; its id is the `webhook-id` of every attempt.
CREATE TABLE webhook_deliveries (
  id text PRIMARY KEY,
  subscription_id text NOT NULL REFERENCES webhook_subscriptions (id) ON DELETE CASCADE,
  event_type text NOT NULL CHECK (event_type IN ('violation.detected', 'violation.resolved', 'sweep.completed')),
  payload jsonb NOT NULL,
  state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  -- How many times the delivery was queued again by hand (POST /webhooks/deliveries/:id/redeliver).
  redeliveries integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_attempt_at timestamptz,
  delivered_at timestamptz
);

CREATE INDEX webhook_deliveries_subscription ON webhook_deliveries (subscription_id, created_at DESC);
CREATE INDEX webhook_deliveries_pending ON webhook_deliveries (created_at) WHERE state = 'pending';
