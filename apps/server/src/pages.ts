// The start page: the demo shop's KPIs drawn by @kpikit/elements, loaded from one <script> tag
// exactly as an embedding page would load it. The dashboard reads with an embed token minted by
// /demo/token (as a shop's backend would mint it); the storefront strip uses the publishable key.
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);

const DASHBOARD = ["revenue", "orders", "aov", "conversion_rate", "new_customers", "repeat_purchase_rate", "cart_abandonment_rate", "refund_rate", "first_response_time", "csat"];
const PUBLIC = ["csat", "nps", "on_time_delivery"];

export function demoHome(publishableKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>KPI Kit — demo shop</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; background: light-dark(#f6f8fa, #0d1117); color: light-dark(#1f2328, #e6edf3); }
  h1 { font-size: 1.5rem; } h2 { font-size: 1.1rem; margin-top: 2rem; }
  p { color: light-dark(#57606a, #9da7b3); }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 1rem; }
  .wide { display: grid; grid-template-columns: 2fr 1fr; gap: 1rem; margin-top: 1rem; }
  @media (max-width: 48rem) { .wide { grid-template-columns: 1fr; } }
  label { font-size: .9rem; margin-inline-end: 1rem; }
</style>
</head>
<body>
<h1>KPI Kit — demo shop</h1>
<p>Every number below is computed live by this server from its SQLite file and drawn by
<code>&lt;kpi-card&gt;</code>, <code>&lt;kpi-trend&gt;</code> and <code>&lt;kpi-gauge&gt;</code>.
API reference: <a href="/docs">/docs</a>.</p>
<p>
  <label>Range <select id="range"><option value="last_7_days">Last 7 days</option><option value="last_30_days" selected>Last 30 days</option><option value="last_90_days">Last 90 days</option><option value="mtd">Month to date</option><option value="ytd">Year to date</option></select></label>
  <label>Language <select id="locale"><option value="en">English</option><option value="ru">Русский</option><option value="ms">Bahasa Melayu</option><option value="zh-Hans">简体中文</option><option value="zh-Hant">繁體中文</option></select></label>
</p>
<kpi-provider id="dashboard" endpoint="/" range="last_30_days" refresh="60">
  <div class="grid">
    ${DASHBOARD.map((m) => `<kpi-card metric="${m}"${m === "orders" ? " live" : ""}></kpi-card>`).join("\n    ")}
  </div>
  <div class="wide">
    <kpi-trend metric="revenue"></kpi-trend>
    <kpi-gauge metric="conversion_rate"></kpi-gauge>
  </div>
</kpi-provider>
<h2>Storefront strip (publishable key, public KPIs only)</h2>
<kpi-provider id="storefront" endpoint="/" token="${escape(publishableKey)}" range="last_90_days">
  <div class="grid">
    ${PUBLIC.map((m) => `<kpi-card metric="${m}"></kpi-card>`).join("\n    ")}
  </div>
</kpi-provider>
<script type="module">
  // Set before the elements load, so that the first request already carries a token.
  const dashboard = document.getElementById("dashboard");
  const storefront = document.getElementById("storefront");
  dashboard.tokenProvider = async () => (await (await fetch("/demo/token")).json()).token;
  document.getElementById("range").addEventListener("change", (e) => (dashboard.range = e.target.value));
  document.getElementById("locale").addEventListener("change", (e) => {
    for (const p of [dashboard, storefront]) p.locale = e.target.value;
    document.documentElement.lang = e.target.value;
  });
</script>
<script type="module" src="/elements/kpikit.js"></script>
</body>
</html>`;
}
