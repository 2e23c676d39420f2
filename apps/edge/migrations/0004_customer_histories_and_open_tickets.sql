-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE INDEX IF NOT EXISTS tickets_assigned_at_ms ON tickets (tenant_id, assigned_at_ms);
CREATE TABLE IF NOT EXISTS chain_facts (tenant_id TEXT NOT NULL, chain TEXT NOT NULL, id TEXT NOT NULL, k TEXT NOT NULL, t INTEGER NOT NULL, prev_t INTEGER, prev2_t INTEGER, next_t INTEGER, PRIMARY KEY (tenant_id, chain, id));
CREATE INDEX IF NOT EXISTS chain_facts_chain_k_t_id ON chain_facts (tenant_id, chain, k, t, id);
CREATE INDEX IF NOT EXISTS chain_facts_chain_t_prev_t_prev2_t_next_t ON chain_facts (tenant_id, chain, t, prev_t, prev2_t, next_t);
CREATE TABLE IF NOT EXISTS chain_lapses (tenant_id TEXT NOT NULL, lapse TEXT NOT NULL, s INTEGER NOT NULL, k TEXT NOT NULL, e INTEGER NOT NULL, PRIMARY KEY (tenant_id, lapse, s, k));
CREATE INDEX IF NOT EXISTS chain_lapses_lapse_k ON chain_lapses (tenant_id, lapse, k);
CREATE INDEX IF NOT EXISTS chain_lapses_lapse_e_s ON chain_lapses (tenant_id, lapse, e, s);
