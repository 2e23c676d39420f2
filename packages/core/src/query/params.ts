// A query's URL parameters, kept apart from the zod schema so that a widget can build a stream URL
// without shipping the validator (which reads them back: queryFromSearchParams).

/** The parameters of `GET /v1/metrics/:id` that take one value each (filters take several). */
export const SINGLE = ["range", "grain", "tz", "compare", "by", "now", "locale"] as const;

/** What a query's URL carries: any query input (`QueryInput`) is one. */
export type QueryParams = { readonly [K in (typeof SINGLE)[number]]?: string | undefined } & {
  readonly filters?: Readonly<Record<string, string | readonly string[]>> | undefined;
};

/** The URL query string of a query (the inverse of queryFromSearchParams, without `metric`). */
export function searchParamsOf(query: QueryParams): URLSearchParams {
  const params = new URLSearchParams();
  for (const key of SINGLE) {
    const value = query[key];
    if (value !== undefined) params.set(key, String(value));
  }
  for (const [dim, values] of Object.entries(query.filters ?? {})) {
    for (const v of Array.isArray(values) ? values : [values]) params.append(`filter.${dim}`, v);
  }
  return params;
}
