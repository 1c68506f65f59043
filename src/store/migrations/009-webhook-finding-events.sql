-- The finding events (issue 10): an appeal or a decision recorded through the API is a webhook event.
-- Numbered 009: 008 is the period notices' migration, made in parallel.

ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_event_type_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_event_type_check CHECK (
  event_type IN ('violation.detected', 'violation.resolved', 'sweep.completed', 'finding.appealed', 'finding.decided')
);
