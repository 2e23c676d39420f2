// Results of two stores to compare: sums in another order differ in the last bits, and each store
// counts its own data versions.
export const comparable = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (key, v) =>
      key === "dataVersion" ? undefined : typeof v === "number" ? Number(v.toPrecision(12)) : v,
    ),
  );
