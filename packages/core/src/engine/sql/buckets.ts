// Units of time that rollups and key histories count in, as epoch ms, and the SQL of a time's
// bucket in one of them.

export const QUARTER = 900_000;
export const HOUR = 3_600_000;
export const DAY = 86_400_000;

/** A bucket of `time` (epoch ms) in units of `unit` ms, rounded down also before 1970. */
export const floorDiv = (time: string, unit: number): string =>
  `(${time} / ${unit} - CASE WHEN ${time} < 0 AND ${time} % ${unit} <> 0 THEN 1 ELSE 0 END)`;
