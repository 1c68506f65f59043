-- The order results were stored in. stored_at is the storing transaction's start time, which two
-- results stored within the same clock tick share; "newest" and "stored just before" need a strict order.
ALTER TABLE site_results ADD COLUMN seq bigserial;
CREATE INDEX site_results_site_seq ON site_results (site_id, seq DESC);
