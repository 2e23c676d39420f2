import { describe, expect, it } from "vitest";
import { type EmbedChoice, SNIPPET_KINDS, snippet, widgetTags } from "../src/snippets.js";

const choice = (over: Partial<EmbedChoice> = {}): EmbedChoice => ({
  endpoint: "https://kpi.example",
  elements: ["card", "trend"],
  metrics: [
    { id: "aov", dimensions: ["channel", "region"] },
    { id: "csat", dimensions: [] },
  ],
  range: "last_30_days",
  compare: "previous_period",
  theme: "dark",
  locale: "ru",
  allPublic: true,
  publishableKey: "kpi_pk_live_abc",
  origins: ["https://shop.example"],
  ...over,
});

describe("the code for a shop's page", () => {
  it("has one tag per element and KPI, a table of every KPI, and a breakdown only where there is a dimension", () => {
    expect(widgetTags(choice({ elements: ["card", "gauge", "table", "breakdown"] }))).toEqual([
      '<kpi-card metric="aov"></kpi-card>',
      '<kpi-card metric="csat"></kpi-card>',
      '<kpi-gauge metric="aov"></kpi-gauge>',
      '<kpi-gauge metric="csat"></kpi-gauge>',
      '<kpi-table metrics="aov csat"></kpi-table>',
      '<kpi-breakdown metric="aov" by="channel"></kpi-breakdown>',
    ]);
  });

  const html =
    "in HTML, public KPIs read with the publishable key (or a placeholder), private ones through tokenProvider";
  it(html, () => {
    expect(snippet("html", choice())).toBe(
      [
        '<script type="module" src="https://kpi.example/elements/kpikit.js"></script>',
        '<kpi-provider endpoint="https://kpi.example" range="last_30_days" compare="previous_period" theme="dark" ' +
          'locale="ru" token="kpi_pk_live_abc">',
        '  <kpi-card metric="aov"></kpi-card>',
        '  <kpi-card metric="csat"></kpi-card>',
        '  <kpi-trend metric="aov" grain="day"></kpi-trend>',
        '  <kpi-trend metric="csat" grain="day"></kpi-trend>',
        "</kpi-provider>",
      ].join("\n"),
    );
    expect(snippet("html", choice({ publishableKey: null }))).toContain('token="kpi_pk_…"');
    const privately = snippet("html", choice({ allPublic: false }));
    expect(privately).not.toContain("token=");
    expect(privately).toContain('document.getElementById("kpis").tokenProvider = async () =>');
    expect(privately).toContain('fetch("/my-backend/kpi-token")');
  });

  it("in React, Vue and Svelte, passes tokenProvider as each framework sets a property", () => {
    const privately = choice({ allPublic: false });
    expect(snippet("react", privately)).toContain("tokenProvider={kpiToken}");
    expect(snippet("vue", privately)).toContain(':tokenProvider.prop="kpiToken"');
    expect(snippet("svelte", privately)).toContain("tokenProvider={kpiToken}");
    for (const kind of ["react", "vue", "svelte"] as const) {
      expect(snippet(kind, choice())).toContain('import "@kpikit/elements";');
      expect(snippet(kind, choice())).toContain('token="kpi_pk_live_abc"');
    }
  });

  const server =
    "on the server, mints a token for the chosen KPIs and allowed origins with the secret key from the environment";
  it(server, () => {
    const request = '{"metrics":["aov","csat"],"origins":["https://shop.example"],"ttlSeconds":600}';
    expect(snippet("node", choice())).toContain(`body: JSON.stringify(${request})`);
    expect(snippet("node", choice())).toContain("process.env.KPIKIT_SECRET_KEY");
    expect(snippet("curl", choice())).toContain(`-d '${request}'`);
    expect(snippet("curl", choice({ origins: [] }))).toContain('"origins":["https://shop.example"]');
  });

  it("never holds a secret key", () => {
    for (const kind of SNIPPET_KINDS)
      for (const allPublic of [true, false]) expect(snippet(kind, choice({ allPublic }))).not.toMatch(/kpi_sk_/);
  });
});
