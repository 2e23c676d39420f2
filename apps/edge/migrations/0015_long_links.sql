-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE INDEX IF NOT EXISTS chain_facts_long_links ON chain_facts (tenant_id, chain, t, next_t) WHERE next_t - t >= 2419200000;
