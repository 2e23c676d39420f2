// UNION ALL that every database here parses: D1 allows at most 5 terms in a compound SELECT
// (SQLite's default is 500), and a subquery in FROM starts its count again.
const MAX_TERMS = 5;

export function unionAll(parts: readonly string[], separator = "\nUNION ALL\n"): string {
  if (parts.length <= MAX_TERMS) return parts.join(separator);
  const groups: string[] = [];
  for (let i = 0; i < parts.length; i += MAX_TERMS)
    groups.push(`SELECT * FROM (${parts.slice(i, i + MAX_TERMS).join(separator)}) u${i / MAX_TERMS}`);
  return unionAll(groups, separator);
}
