-- Written by scripts/write-migration.mjs: what the store's schema gained.
CREATE TABLE IF NOT EXISTS kpikit_definition_versions (tenant_id TEXT NOT NULL, id TEXT NOT NULL, seq INTEGER NOT NULL, body TEXT NOT NULL, saved_at INTEGER, deleted INTEGER NOT NULL, PRIMARY KEY (tenant_id, id, seq));
-- Added by hand (the script writes schema only): each definition stored so far is its first recorded version.
INSERT INTO kpikit_definition_versions (tenant_id, id, seq, body, saved_at, deleted) SELECT tenant_id, id, 1, body, NULL, 0 FROM kpikit_definitions d WHERE NOT EXISTS (SELECT 1 FROM kpikit_definition_versions v WHERE v.tenant_id = d.tenant_id AND v.id = d.id);
