-- Written by scripts/write-migration.mjs: what the store's schema gained.
ALTER TABLE chain_facts ADD COLUMN was INTEGER;
ALTER TABLE chain_facts ADD COLUMN was_prev_t INTEGER;
ALTER TABLE chain_facts ADD COLUMN was_next_t INTEGER;
CREATE INDEX IF NOT EXISTS chain_facts_day_links ON chain_facts (tenant_id, chain, t, prev_t, prev2_t) WHERE t - prev_t < 90000000;
CREATE INDEX IF NOT EXISTS chain_facts_quarter_links ON chain_facts (tenant_id, chain, t, prev_t, prev2_t) WHERE t - prev_t < 8035200000;
