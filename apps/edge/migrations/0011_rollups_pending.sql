-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE TABLE IF NOT EXISTS rollup_pending (tenant_id TEXT NOT NULL, ingest_id TEXT NOT NULL, fact TEXT NOT NULL, ids TEXT NOT NULL, PRIMARY KEY (tenant_id, ingest_id));
