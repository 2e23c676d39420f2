-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE TABLE IF NOT EXISTS chain_pairs (tenant_id TEXT NOT NULL, chain TEXT NOT NULL, unit INTEGER NOT NULL, a INTEGER NOT NULL, b INTEGER NOT NULL, n1 INTEGER NOT NULL, n2 INTEGER NOT NULL, PRIMARY KEY (tenant_id, chain, unit, a, b));
