-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE INDEX IF NOT EXISTS inventory_sku_at_ms_id ON inventory (tenant_id, sku, at_ms, id);
