// The demo pages' embed token, minted by the server's /demo/token as a shop's own backend would
// mint it (the secret key never reaches the page). Given to <kpi-provider> as its tokenProvider,
// which calls it again before the token expires.
export async function demoToken(): Promise<string> {
  const response = await fetch("/demo/token", { cache: "no-store" });
  if (!response.ok) throw new Error(`the demo token endpoint answered ${response.status}`);
  return ((await response.json()) as { token: string }).token;
}

/** The ranges the framework pages offer. */
export const RANGES = [
  ["last_7_days", "Last 7 days"],
  ["last_30_days", "Last 30 days"],
  ["last_90_days", "Last 90 days"],
  ["mtd", "Month to date"],
  ["qtd", "Quarter to date"],
  ["ytd", "Year to date"],
] as const;
