// The start page: live KPIs of the demo shop, read with an embed token from /demo/token.
export function demoHome(publishableKey: string): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>KPI Kit — demo shop</title>
<style>
  :root { color-scheme: light dark; font-family: system-ui, sans-serif; }
  body { margin: 2rem auto; max-width: 72rem; padding: 0 1rem; }
  h1 { font-size: 1.5rem; } p { color: GrayText; }
  .grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 1rem; }
  .kpi { border: 1px solid color-mix(in srgb, currentColor 20%, transparent); border-radius: .75rem; padding: 1rem; }
  .kpi h2 { font-size: .85rem; font-weight: 500; margin: 0 0 .5rem; }
  .kpi .value { font-size: 1.6rem; font-weight: 650; font-variant-numeric: tabular-nums; }
  .kpi .change { font-size: .85rem; }
  .good { color: #1a7f37; } .bad { color: #c62828; }
  @media (prefers-color-scheme: dark) { .good { color: #4ac26b; } .bad { color: #ff7b72; } }
</style>
</head>
<body>
<h1>KPI Kit — demo shop, last 30 days</h1>
<p>Computed live by this server from its SQLite file. API reference: <a href="/docs">/docs</a>.</p>
<div class="grid" id="kpis" aria-live="polite">Loading…</div>
<script type="module">
  const metrics = ["revenue", "orders", "aov", "conversion_rate", "new_customers", "repeat_purchase_rate", "cart_abandonment_rate", "csat", "nps", "first_response_time", "on_time_delivery", "refund_rate"];
  const root = document.getElementById("kpis");
  try {
    const { token } = await (await fetch("/demo/token")).json();
    const res = await fetch("/v1/query", { method: "POST", headers: { Authorization: "Bearer " + token, "Content-Type": "application/json" }, body: JSON.stringify({ queries: metrics.map((metric) => ({ metric, range: "last_30_days" })) }) });
    const { results } = await res.json();
    root.replaceChildren(...results.map((r) => {
      const card = document.createElement("section");
      card.className = "kpi";
      if (r.error) { card.textContent = r.error.detail; return card; }
      const rel = r.change.relative;
      const good = rel === null || r.metric.better === "none" ? "" : (rel > 0) === (r.metric.better === "up") ? "good" : "bad";
      card.innerHTML = "<h2></h2><div class=value></div><div class=change></div>";
      card.querySelector("h2").textContent = r.metric.label;
      card.querySelector(".value").textContent = r.formatted.value ?? "–";
      const change = card.querySelector(".change");
      change.textContent = r.formatted.change ? (rel > 0 ? "▲ " : rel < 0 ? "▼ " : "") + r.formatted.change + " vs previous period" : "n/a vs previous period";
      if (good) change.classList.add(good);
      return card;
    }));
  } catch (e) {
    root.textContent = "Could not load the KPIs: " + e.message;
  }
</script>
<!-- publishable key for storefront widgets: ${publishableKey} -->
</body>
</html>`;
}
