-- Written by scripts/write-migration.mjs: what the store's schema gained.
ALTER TABLE chain_facts ADD COLUMN mark TEXT;
CREATE INDEX IF NOT EXISTS chain_facts_chain_mark ON chain_facts (tenant_id, chain, mark) WHERE mark IS NOT NULL;
