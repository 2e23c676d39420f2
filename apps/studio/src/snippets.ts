// The code a shop pastes into its pages for the widgets chosen on the Embed page: plain HTML, React,
// Vue and Svelte (used as apps/demo uses the elements), and the server side that mints an embed
// token for private KPIs. Pure functions of the choice, so that what is shown is what is tested.

export const ELEMENT_KINDS = ["card", "trend", "gauge", "table", "breakdown"] as const;
export type ElementKind = (typeof ELEMENT_KINDS)[number];
export const SNIPPET_KINDS = ["html", "react", "vue", "svelte", "node", "curl"] as const;
export type SnippetKind = (typeof SNIPPET_KINDS)[number];

export interface EmbedChoice {
  /** The API's origin. */
  endpoint: string;
  elements: readonly ElementKind[];
  /** The chosen KPIs, each with the dimensions a breakdown may split it by. */
  metrics: readonly { id: string; dimensions: readonly string[] }[];
  range: string;
  compare: string;
  theme: string;
  locale: string;
  /** Every chosen KPI is public: the page reads with a publishable key, no token needed. */
  allPublic: boolean;
  /** A publishable key to write in; a placeholder when none was created here. */
  publishableKey: string | null;
  /** The pages' origins an embed token is limited to. */
  origins: readonly string[];
}

const TOKEN_ROUTE = "/my-backend/kpi-token";
const PK_PLACEHOLDER = "kpi_pk_…";
const indent = (lines: string[], by: string) => lines.map((l) => by + l);

/** One tag per element and KPI (a table takes every KPI in one), as HTML, JSX, Vue and Svelte all write it. */
export function widgetTags(choice: EmbedChoice): string[] {
  const tags: string[] = [];
  for (const kind of choice.elements) {
    if (kind === "table") {
      tags.push(`<kpi-table metrics="${choice.metrics.map((m) => m.id).join(" ")}"></kpi-table>`);
      continue;
    }
    for (const m of choice.metrics) {
      if (kind === "card") tags.push(`<kpi-card metric="${m.id}"></kpi-card>`);
      if (kind === "gauge") tags.push(`<kpi-gauge metric="${m.id}"></kpi-gauge>`);
      if (kind === "trend") tags.push(`<kpi-trend metric="${m.id}" grain="day"></kpi-trend>`);
      // A breakdown needs a dimension: the KPI's first; a KPI with none has no breakdown.
      if (kind === "breakdown" && m.dimensions[0])
        tags.push(`<kpi-breakdown metric="${m.id}" by="${m.dimensions[0]}"></kpi-breakdown>`);
    }
  }
  return tags;
}

const providerAttributes = (c: EmbedChoice) =>
  `endpoint="${c.endpoint}" range="${c.range}" compare="${c.compare}" theme="${c.theme}" locale="${c.locale}"`;
const key = (c: EmbedChoice) => c.publishableKey ?? PK_PLACEHOLDER;

function html(c: EmbedChoice): string {
  const script = `<script type="module" src="${c.endpoint}/elements/kpikit.js"></script>`;
  const widgets = indent(widgetTags(c), "  ");
  if (c.allPublic)
    return [script, `<kpi-provider ${providerAttributes(c)} token="${key(c)}">`, ...widgets, "</kpi-provider>"].join(
      "\n",
    );
  return [
    script,
    `<kpi-provider id="kpis" ${providerAttributes(c)}>`,
    ...widgets,
    "</kpi-provider>",
    '<script type="module">',
    `  // ${TOKEN_ROUTE}: your server's route that mints an embed token (see the server code).`,
    '  document.getElementById("kpis").tokenProvider = async () =>',
    `    (await (await fetch("${TOKEN_ROUTE}")).json()).token;`,
    "</script>",
  ].join("\n");
}

const tokenFunction = [
  "// Asks your server's route for an embed token; the secret key never reaches the page.",
  "const kpiToken = async () =>",
  `  (await (await fetch("${TOKEN_ROUTE}")).json()).token;`,
];

function react(c: EmbedChoice): string {
  const credential = c.allPublic ? `token="${key(c)}"` : "tokenProvider={kpiToken}";
  return [
    'import "@kpikit/elements";',
    "",
    ...(c.allPublic ? [] : [...tokenFunction, ""]),
    "export function Kpis() {",
    "  return (",
    `    <kpi-provider ${providerAttributes(c)} ${credential}>`,
    ...indent(widgetTags(c), "      "),
    "    </kpi-provider>",
    "  );",
    "}",
  ].join("\n");
}

function vue(c: EmbedChoice): string {
  // A function is a property, not an attribute: Vue's .prop modifier.
  const credential = c.allPublic ? `token="${key(c)}"` : ':tokenProvider.prop="kpiToken"';
  return [
    '<script setup lang="ts">',
    'import "@kpikit/elements";',
    ...(c.allPublic ? [] : ["", ...tokenFunction]),
    "</script>",
    "",
    "<template>",
    `  <kpi-provider ${providerAttributes(c)} ${credential}>`,
    ...indent(widgetTags(c), "    "),
    "  </kpi-provider>",
    "</template>",
    "",
    "<!-- Tags with a dash are custom elements; in vite.config:",
    '  vue({ template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith("kpi-") } } }) -->',
  ].join("\n");
}

function svelte(c: EmbedChoice): string {
  const credential = c.allPublic ? `token="${key(c)}"` : "tokenProvider={kpiToken}";
  return [
    '<script lang="ts">',
    '  import "@kpikit/elements";',
    ...(c.allPublic ? [] : ["", ...indent(tokenFunction, "  ")]),
    "</script>",
    "",
    `<kpi-provider ${providerAttributes(c)} ${credential}>`,
    ...indent(widgetTags(c), "  "),
    "</kpi-provider>",
  ].join("\n");
}

const tokenRequest = (c: EmbedChoice) => ({
  metrics: c.metrics.map((m) => m.id),
  origins: c.origins.length ? c.origins : ["https://shop.example"],
  ttlSeconds: 600,
});

function node(c: EmbedChoice): string {
  return [
    `// Your server's ${TOKEN_ROUTE}: mints an embed token with the secret key, which stays on the server.`,
    "export async function kpiToken() {",
    `  const response = await fetch("${c.endpoint}/v1/tokens", {`,
    '    method: "POST",',
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the server code's own template literal
    '    headers: { Authorization: `Bearer ${process.env.KPIKIT_SECRET_KEY}`, "Content-Type": "application/json" },',
    `    body: JSON.stringify(${JSON.stringify(tokenRequest(c))}),`,
    "  });",
    // biome-ignore lint/suspicious/noTemplateCurlyInString: the server code's own template literal
    "  if (!response.ok) throw new Error(`KPI Kit answered ${response.status}: ${await response.text()}`);",
    "  const { token } = await response.json();",
    "  return { token }; // answer the page's fetch with this JSON",
    "}",
  ].join("\n");
}

function curl(c: EmbedChoice): string {
  return [
    `curl -s ${c.endpoint}/v1/tokens -H "Authorization: Bearer $KPIKIT_SECRET_KEY" \\`,
    `  -H 'Content-Type: application/json' -d '${JSON.stringify(tokenRequest(c))}'`,
    '# 201 {"token":"eyJ…","expiresAt":"…","claims":{…}}',
  ].join("\n");
}

const WRITERS: Record<SnippetKind, (c: EmbedChoice) => string> = { html, react, vue, svelte, node, curl };

export function snippet(kind: SnippetKind, choice: EmbedChoice): string {
  return WRITERS[kind](choice);
}
