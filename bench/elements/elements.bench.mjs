// bench/elements: what a page pays for KPI Kit's elements next to the charting libraries people
// reach for instead, in one run.
//  1. min+gzip size of the whole kit and of <kpi-card> alone, next to Chart.js (line chart only)
//     and ECharts (gauge only), all bundled the same way (esbuild, minified, dependencies inlined;
//     KPI Kit with code splitting, as SIZES.md counts it: loaded at once, lazy chunks apart);
//  2. time to render 200 cards with sparklines in headless Chromium, next to the same page drawn
//     with Chart.js sparklines (one canvas line chart per card, animations off);
//  3. time to render 50 breakdowns (8 channels, previous period marked) next to 50 Chart.js
//     horizontal bar charts of the same data (animations off).
// Goals: kit ≤ 30 KB with all its elements, card ≤ 14 KB, render ≥ 3× faster than Chart.js.
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { bundleOptions } from "../../packages/elements/scripts/bundle-options.mjs";
import { measure } from "../../packages/elements/scripts/measure.mjs";
import { CHROMIUM, CHROMIUM_ARGS } from "../../scripts/chromium.mjs";

const CARDS = Number(process.env.BENCH_CARDS ?? 200);
const BREAKDOWNS = Number(process.env.BENCH_BREAKDOWNS ?? 50);
const POINTS = 30;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 7);

async function bundle(contents, resolveDir = import.meta.dirname) {
  const { outputFiles } = await build({ ...bundleOptions, stdin: { contents, resolveDir, loader: "js" } });
  const code = outputFiles[0].text;
  return { code, min: Buffer.byteLength(code), gzip: gzipSync(code, { level: 9 }).length };
}

const chartParts = "LineController, LineElement, PointElement, LinearScale, CategoryScale";
const barParts = "BarController, BarElement, LinearScale, CategoryScale";
const entries = {
  "KPI Kit, whole kit": `export * from "@kpikit/elements";`,
  "KPI Kit, <kpi-card>": `export * from "@kpikit/elements/kpi-card";`,
  "Chart.js, line chart only": `import { Chart, ${chartParts} } from "chart.js";
    Chart.register(${chartParts}); export { Chart };`,
  "ECharts, gauge only":
    'import * as echarts from "echarts/core"; import { GaugeChart } from "echarts/charts"; ' +
    `import { SVGRenderer } from "echarts/renderers";
    echarts.use([GaugeChart, SVGRenderer]); export { echarts };`,
};
// KPI Kit as SIZES.md counts it: what a page loads at once, its lazy chunks (live updates, the words
// of locales other than English) apart. The pages below inline the kit as one file (in English, the
// page's language, it needs no chunk).
const split = {};
for (const name of ["KPI Kit, whole kit", "KPI Kit, <kpi-card>"])
  split[name] = await measure({ stdin: { contents: entries[name], resolveDir: import.meta.dirname, loader: "js" } });
const sizes = {};
for (const [name, src] of Object.entries(entries)) sizes[name] = split[name]?.initial ?? (await bundle(src));
const card = split["KPI Kit, <kpi-card>"];
const kitCode = (await bundle(entries["KPI Kit, whole kit"])).code;

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
console.log("\nBundle sizes (esbuild, minified, dependencies included; gzip -9; KPI Kit: loaded at once)");
const row = (name, s) =>
  console.log(`  ${name.padEnd(28)} ${kb(s.min).padStart(9)} min  ${kb(s.gzip).padStart(8)} min+gzip`);
for (const [name, s] of Object.entries(sizes)) {
  row(name, s);
  for (const c of split[name]?.lazy ?? []) row(`  + later: ${c.name}`, c);
}
const kit = sizes["KPI Kit, whole kit"].gzip;
console.log(
  `  kit vs Chart.js line: ${(kit / sizes["Chart.js, line chart only"].gzip).toFixed(2)}×; ` +
    `kit vs ECharts gauge: ${(kit / sizes["ECharts, gauge only"].gzip).toFixed(2)}×`,
);
console.log(
  `  goals: kit ${kb(kit)} ≤ 30 KB ${kit <= 30 * 1024 ? "met" : "NOT met"}; ` +
    `card ${kb(card.initial.gzip)} ≤ 14 KB ${card.initial.gzip <= 14 * 1024 ? "met" : "NOT met"}`,
);

// The same data for both pages: a 30-day series per card.
const data = Array.from({ length: CARDS }, (_, c) => {
  const series = Array.from({ length: POINTS }, (_, i) => ({
    start: new Date(Date.UTC(2026, 9, 1 + i)).toISOString(),
    value: 50 + 20 * Math.sin((i + c) / 4) + (c % 7),
    previous: null,
  }));
  const value = series.reduce((s, p) => s + p.value, 0) / POINTS;
  return {
    metric: {
      id: `kpi_${c}`,
      label: `KPI ${c}`,
      unit: "currency",
      currency: "USD",
      better: c % 2 ? "up" : "down",
      version: 1,
    },
    range: { start: series[0].start, end: series.at(-1).start, tz: "UTC", grain: "day" },
    compare: { kind: "previous_period", start: series[0].start, end: series[0].start },
    value,
    previous: value * 0.9,
    change: { absolute: value * 0.1, relative: 0.111 },
    series,
    target: null,
    status: null,
    formatted: { value: null, change: null },
    dataVersion: "1",
  };
});

const grid = '<div id="root" style="display:grid;grid-template-columns:repeat(4,240px);gap:8px"></div>';
const kitPage = `<!doctype html><meta charset="utf-8"><body>${grid}
<script type="module">${kitCode}
window.render = async (data) => {
  const root = document.getElementById("root");
  root.textContent = "";
  const t0 = performance.now();
  const cards = data.map((d) => {
    const el = document.createElement("kpi-card");
    el.data = d;
    root.append(el);
    return el;
  });
  await Promise.all(cards.map((el) => el.updateComplete));
  document.body.offsetHeight;
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
};</script>`;

const chartPage = `<!doctype html><meta charset="utf-8"><body>${grid}
<script type="module">${(await bundle(`${entries["Chart.js, line chart only"]}\nwindow.Chart = Chart;`)).code}
const fmt = new Intl.NumberFormat("en", { style: "currency", currency: "USD" });
window.render = async (data) => {
  const root = document.getElementById("root");
  root.textContent = "";
  const t0 = performance.now();
  for (const d of data) {
    const card = document.createElement("div");
    card.style.cssText = "border:1px solid #d0d7de;border-radius:8px;padding:16px;font-family:system-ui";
    card.innerHTML = '<div style="font-size:14px;color:#57606a">' + d.metric.label +
      '</div><div style="font-size:28px;font-weight:650">' + fmt.format(d.value) +
      '</div><div style="color:#1a7f37">▲ +11.1% vs previous period</div>';
    const canvas = document.createElement("canvas");
    canvas.width = 208; canvas.height = 40;
    card.append(canvas);
    root.append(card);
    new Chart(canvas, {
      type: "line",
      data: {
        labels: d.series.map((p) => p.start),
        datasets: [
          { data: d.series.map((p) => p.value), borderColor: "#0969da", borderWidth: 2, pointRadius: 0, fill: false },
        ],
      },
      options: {
        animation: false,
        responsive: false,
        events: [],
        plugins: {},
        scales: { x: { display: false }, y: { display: false } },
      },
    });
  }
  document.body.offsetHeight;
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
};</script>`;

const CHANNELS = ["web", "app", "email", "social", "search", "marketplace", "phone", "store"];
// A revenue split by channel per chart: parts of the total, so the widget shows shares and "Other".
const splits = Array.from({ length: BREAKDOWNS }, (_, b) => {
  const breakdown = CHANNELS.map((key, i) => ({
    key,
    value: Math.round(1000 * (8 - i) + 97 * ((b * 7 + i) % 11)),
    previous: Math.round(900 * (8 - i) + 89 * ((b * 5 + i) % 13)),
  }));
  const total = breakdown.reduce((s, e) => s + e.value, 0);
  return { ...data[b % data.length], value: total, breakdown };
});

const breakdownPage = `<!doctype html><meta charset="utf-8"><body>${grid}
<script type="module">${kitCode}
window.render = async (splits) => {
  const root = document.getElementById("root");
  root.textContent = "";
  const t0 = performance.now();
  const charts = splits.map((d) => {
    const el = document.createElement("kpi-breakdown");
    el.setAttribute("by", "channel");
    el.data = d;
    root.append(el);
    return el;
  });
  await Promise.all(charts.map((el) => el.updateComplete));
  document.body.offsetHeight;
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
};</script>`;

const barPage = `<!doctype html><meta charset="utf-8"><body>${grid}
<script type="module">${
  (
    await bundle(`import { Chart, ${barParts} } from "chart.js";
  Chart.register(${barParts}); window.Chart = Chart;`)
  ).code
}
window.render = async (splits) => {
  const root = document.getElementById("root");
  root.textContent = "";
  const t0 = performance.now();
  for (const d of splits) {
    const canvas = document.createElement("canvas");
    canvas.width = 240; canvas.height = 220;
    root.append(canvas);
    new Chart(canvas, {
      type: "bar",
      data: {
        labels: d.breakdown.map((e) => e.key),
        datasets: [
          { data: d.breakdown.map((e) => e.value), backgroundColor: "#0969da" },
          { data: d.breakdown.map((e) => e.previous), backgroundColor: "#afb8c1" },
        ],
      },
      options: { indexAxis: "y", animation: false, responsive: false, events: [], plugins: {} },
    });
  }
  document.body.offsetHeight;
  await new Promise(requestAnimationFrame);
  return performance.now() - t0;
};</script>`;

const browser = await chromium.launch({
  executablePath: CHROMIUM,
  args: CHROMIUM_ARGS,
});
/** Median render times of pages that each draw `input`, alternating so that neither runs warmer. */
async function renderTimes(named, input) {
  const pages = {};
  for (const [name, html] of named) {
    const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
    page.on("pageerror", (e) => console.error(`${name}: ${e.message}`));
    await page.setContent(html);
    await page.waitForFunction(() => typeof window.render === "function");
    pages[name] = page;
  }
  const times = Object.fromEntries(Object.keys(pages).map((n) => [n, []]));
  for (let round = 0; round < ROUNDS + 1; round++) {
    for (const [name, page] of Object.entries(pages)) {
      const ms = await page.evaluate((d) => window.render(d), input);
      if (round > 0) times[name].push(ms); // round 0 warms up the JIT
    }
  }
  for (const page of Object.values(pages)) await page.close();
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  return Object.fromEntries(Object.entries(times).map(([n, xs]) => [n, median(xs)]));
}

function report(title, medians, ours, theirs) {
  console.log(`\n${title} in headless Chromium (median of ${ROUNDS})`);
  for (const [name, ms] of Object.entries(medians)) {
    const time = ms.toFixed(1).padStart(8);
    console.log(`  ${name.padEnd(24)} ${time} ms`);
  }
  const ratio = medians[theirs] / medians[ours];
  console.log(`  KPI Kit is ${ratio.toFixed(2)}× faster than Chart.js (goal ≥ 3×: ${ratio >= 3 ? "met" : "NOT met"})`);
}

try {
  const cards = await renderTimes(
    [
      ["KPI Kit <kpi-card>", kitPage],
      ["Chart.js sparklines", chartPage],
    ],
    data,
  );
  report(`Render ${CARDS} cards with ${POINTS}-point sparklines`, cards, "KPI Kit <kpi-card>", "Chart.js sparklines");
  const bars = await renderTimes(
    [
      ["KPI Kit <kpi-breakdown>", breakdownPage],
      ["Chart.js bar charts", barPage],
    ],
    splits,
  );
  report(
    `Render ${BREAKDOWNS} breakdowns of ${CHANNELS.length} values, previous period marked`,
    bars,
    "KPI Kit <kpi-breakdown>",
    "Chart.js bar charts",
  );
} finally {
  await browser.close();
}
