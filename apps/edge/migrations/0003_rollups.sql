-- Written by scripts/write-migration.mjs: what the store's schema gained.
ALTER TABLE orders ADD COLUMN ingest_id TEXT;
ALTER TABLE sessions ADD COLUMN ingest_id TEXT;
ALTER TABLE ad_spend ADD COLUMN ingest_id TEXT;
ALTER TABLE tickets ADD COLUMN ingest_id TEXT;
ALTER TABLE surveys ADD COLUMN ingest_id TEXT;
ALTER TABLE refunds ADD COLUMN ingest_id TEXT;
ALTER TABLE part_requests ADD COLUMN ingest_id TEXT;
ALTER TABLE inventory ADD COLUMN ingest_id TEXT;
ALTER TABLE production_runs ADD COLUMN ingest_id TEXT;
ALTER TABLE incidents ADD COLUMN ingest_id TEXT;
ALTER TABLE order_lines ADD COLUMN ingest_id TEXT;
CREATE TABLE IF NOT EXISTS rollups (tenant_id TEXT NOT NULL, measure TEXT NOT NULL, dim TEXT NOT NULL, value TEXT NOT NULL, bucket INTEGER NOT NULL, v REAL NOT NULL, n INTEGER NOT NULL, PRIMARY KEY (tenant_id, measure, dim, bucket, value));
CREATE TABLE IF NOT EXISTS rollup_versions (tenant_id TEXT NOT NULL, version TEXT NOT NULL, PRIMARY KEY (tenant_id));
