// A rebuild reads a big tenant's facts in parts of time (slices), so that a database sorts and
// writes one part's rows at a time and each step of the rebuild is short.

/**
 * The facts (or events) of a rebuild's part, by their time: from `from` (or the first) to before
 * `to` (or the last).
 */
export interface Slice {
  from?: number | undefined;
  to?: number | undefined;
}

/** The slices between `bounds` (ascending instants), before the first and from the last on. */
export const slicesOf = (bounds: readonly number[]): Slice[] =>
  [undefined, ...bounds].map((from, i) => ({ from, to: bounds[i] }));

/** The conditions that keep `time` (epoch ms) within a slice. */
export const sliceSql = (time: string, slice: Slice | undefined): string[] => [
  ...(slice?.from === undefined ? [] : [`${time} >= ${slice.from}`]),
  ...(slice?.to === undefined ? [] : [`${time} < ${slice.to}`]),
];
