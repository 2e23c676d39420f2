-- Written by scripts/write-migration.mjs: what the store's schema gained.
DROP INDEX IF EXISTS chain_facts_quarter_links;
