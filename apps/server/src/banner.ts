// What `npm start` prints once it listens: where everything is, and what a newcomer needs to put a
// KPI on a page of their own (the snippet to paste, and which page origins the key works from).
export interface BannerFacts {
  base: string;
  demo: boolean;
  /** Listening on loopback only: nobody else can reach the demo pages. */
  loopback: boolean;
  database: string;
  publishableKey: string;
  publicMetrics: readonly string[];
  allowedOrigins: readonly string[];
  /** Set on the one start that can show it. */
  newSecretKey?: string | undefined;
}

export function isLoopback(host: string): boolean {
  return host === "localhost" || host === "::1" || host.startsWith("127.");
}

export function banner(f: BannerFacts): string {
  const metric = f.publicMetrics[0] ?? "csat";
  const noPublicMetrics = 'none yet: PUT /v1/settings {"publicMetrics": [...]}';
  const lines = [
    "",
    "  KPI Kit is running",
    ...(f.demo
      ? [
          `    Dashboard:   ${f.base}/`,
          `    Storefront:  ${f.base}/storefront`,
          `    Frameworks:  ${f.base}/react  ${f.base}/vue  ${f.base}/svelte`,
        ]
      : []),
    `    KPI Studio:  ${f.base}/studio/ (sign in with the secret key)`,
    `    Storybook:   ${f.base}/storybook/`,
    `    API docs:    ${f.base}/docs`,
    `    OpenAPI:     ${f.base}/openapi.json`,
    `    Health:      ${f.base}/healthz`,
    `    Database:    ${f.database}`,
    `    Publishable key (safe in pages): ${f.publishableKey}`,
    "",
    "  Put a KPI on a page of your own: paste this into its HTML",
    `    <script type="module" src="${f.base}/elements/kpikit.js"></script>`,
    `    <kpi-provider endpoint="${f.base}" token="${f.publishableKey}" range="last_30_days">`,
    `      <kpi-card metric="${metric}"></kpi-card>`,
    "    </kpi-provider>",
    `  The publishable key reads the public KPIs (${f.publicMetrics.join(", ") || noPublicMetrics})`,
    `  from pages on these origins only: ${f.allowedOrigins.join(", ") || "none yet"}.`,
    "  To allow your page's origin, start with KPIKIT_ALLOWED_ORIGINS=http://localhost:5173 (comma-separated),",
    '  or PUT /v1/settings {"allowedOrigins": [...]} with the secret key. Private KPIs take an embed token that',
    '  your backend mints with the secret key (POST /v1/tokens): see the README, "Put a KPI on a page".',
  ];
  if (f.demo && !f.loopback) {
    lines.push(
      "",
      "  The demo is on and this port is reachable from other machines: set KPIKIT_DEMO=off in production.",
    );
  }
  if (f.newSecretKey) lines.push("", `  Secret key (shown this once; keep it server-side): ${f.newSecretKey}`);
  return `${lines.join("\n")}\n`;
}
