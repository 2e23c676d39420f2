-- Written by scripts/write-migration.mjs: what the store's schema gained.
ALTER TABLE kpikit_versions ADD COLUMN changed_at INTEGER;
