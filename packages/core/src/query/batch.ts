// How many queries one batch (`POST /v1/query`) may hold: the API refuses more, and the widgets'
// client splits a page's KPIs into batches of this size. Free of zod, as the widgets import it.
export const MAX_BATCH_QUERIES = 100;
