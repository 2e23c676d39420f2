-- Written by scripts/write-migration.mjs: what the store's schema gained.
ALTER TABLE rollup_pending ADD COLUMN applied INTEGER;
