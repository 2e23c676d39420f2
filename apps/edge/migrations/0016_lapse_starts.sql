-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE INDEX IF NOT EXISTS chain_lapses_lapse_s_e ON chain_lapses (tenant_id, lapse, s, e);
