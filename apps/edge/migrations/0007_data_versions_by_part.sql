-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE TABLE IF NOT EXISTS kpikit_versions (tenant_id TEXT NOT NULL, part TEXT NOT NULL, version INTEGER NOT NULL, PRIMARY KEY (tenant_id, part));
