// The packages as a shop installs them: @kpikit/core and @kpikit/elements packed into tarballs,
// installed offline into a fresh Vite + React + TypeScript app and used from a plain HTML page.
// `tsc` must pass with nothing but `import "@kpikit/elements"`, `vite build` must pass, and both
// pages, served from the shop's own origin, must show a card the running API computed. publint and
// attw (profile esm-only) must find nothing to fix in either tarball.
/// <reference lib="dom" />
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { extname, join, normalize } from "node:path";
import type { Result } from "@kpikit/core";
import { type Browser, chromium } from "playwright-core";
import { publint } from "publint";
import { formatMessage } from "publint/utils";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { pack, pnpm, storeDir, type Tarball, writeConsumerApp } from "./support/consumer-app.js";
import { type Running, startServer } from "./support/process.js";
import { recordRecentCsat } from "./support/recent-csat.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../../../scripts/chromium.mjs";

const KEY = "kpi_sk_test_consumer";
const ATTW = new URL("../node_modules/.bin/attw", import.meta.url).pathname;
const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".css": "text/css",
  ".json": "application/json",
};

describe("a shop's fresh app, with the packed packages installed offline", () => {
  const dir = mkdtempSync(join(tmpdir(), "kpikit-consumer-"));
  let core: Tarball;
  let elements: Tarball;
  let install: { status: number | null; output: string };
  let site: Server;
  let siteOrigin: string;
  let api: Running | undefined;
  let browser: Browser | undefined;

  beforeAll(() => {
    core = pack("packages/core", dir);
    elements = pack("packages/elements", dir);
    writeConsumerApp(dir, core, elements);
    // No metadata cache either: what is installed comes from the lockfile and the store alone.
    install = pnpm(
      ["install", "--offline", "--frozen-lockfile", "--store-dir", storeDir(), "--cache-dir", join(dir, ".pnpm-cache")],
      dir,
    );
  });
  afterAll(async () => {
    await browser?.close();
    site?.close();
    await api?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  /** Runs one of the app's own tools (node_modules/.bin) in its folder. */
  const tool = (name: string, args: string[]) => {
    const r = spawnSync(join(dir, "node_modules/.bin", name), args, { cwd: dir, encoding: "utf8" });
    return { status: r.status, output: `${r.stdout}${r.stderr}` };
  };

  it("installs offline from the tarballs, which hold no workspace ranges, tests or stories", () => {
    expect(install.status, install.output).toBe(0);
    const installed = JSON.parse(readFileSync(join(dir, "node_modules/@kpikit/elements/package.json"), "utf8")) as {
      dependencies: Record<string, string>;
    };
    expect(installed.dependencies["@kpikit/core"]).toBe(core.version);
    const files = spawnSync("tar", ["tzf", join(dir, elements.file)], { encoding: "utf8" }).stdout.split("\n");
    expect(files.filter((f) => /\.(test|stories)\.|\/stories\//.test(f))).toEqual([]);
    expect(files).toContain("package/dist/kpikit.js");
  });

  for (const which of ["core", "elements"] as const) {
    it(`publint and attw (esm-only) find nothing to fix in @kpikit/${which}`, async () => {
      const tarball = which === "core" ? core : elements;
      const bytes = readFileSync(join(dir, tarball.file));
      const { messages } = await publint({
        pack: { tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) },
        level: "suggestion",
        strict: true,
      });
      const manifest = JSON.parse(
        spawnSync("tar", ["xzf", join(dir, tarball.file), "-O", "package/package.json"], { encoding: "utf8" }).stdout,
      );
      expect(messages.map((m) => formatMessage(m, manifest) ?? m.code)).toEqual([]);
      const attw = spawnSync(ATTW, [join(dir, tarball.file), "--profile", "esm-only", "--format", "table-flipped"], {
        encoding: "utf8",
      });
      expect(attw.status, `${attw.stdout}${attw.stderr}`).toBe(0);
    });
  }

  it('type-checks with nothing but import "@kpikit/elements" (skipLibCheck off), and builds with Vite', () => {
    const tsc = tool("tsc", ["-p", "."]);
    expect(tsc.status, tsc.output).toBe(0);
    const build = tool("vite", ["build"]);
    expect(build.status, build.output).toBe(0);
    expect(existsSync(join(dir, "dist/index.html"))).toBe(true);
  });

  const onShopOrigin =
    "shows a card the running API computed, in the built React page and in a plain HTML page, on the shop's origin";
  it(onShopOrigin, async () => {
    site = createServer((req, res) => {
      const path = new URL(req.url ?? "/", "http://site").pathname;
      // The built app from dist/, the plain page and the installed packages from the app's folder.
      const file =
        path === "/"
          ? join(dir, "dist/index.html")
          : path.startsWith("/assets/")
            ? join(dir, "dist", normalize(path))
            : join(dir, normalize(path));
      if (!file.startsWith(dir) || !existsSync(file)) return void res.writeHead(404).end();
      res
        .writeHead(200, { "Content-Type": TYPES[extname(file)] ?? "application/octet-stream" })
        .end(readFileSync(file));
    });
    await new Promise<void>((resolve) => site.listen(0, "127.0.0.1", resolve));
    siteOrigin = `http://127.0.0.1:${(site.address() as { port: number }).port}`;
    api = await startServer(
      {
        KPIKIT_DB: join(dir, "api.db"),
        KPIKIT_SECRET_KEY: KEY,
        KPIKIT_DEMO_ORDERS: "500",
        KPIKIT_ALLOWED_ORIGINS: siteOrigin,
      },
      120_000,
    );
    await recordRecentCsat(api.base, KEY);
    const key = /token="(kpi_pk_\w+)"/.exec(api.output())![1]!;
    writeFileSync(
      join(dir, "plain.html"),
      readFileSync(join(dir, "plain.html"), "utf8")
        .replace("__KPIKIT_ENDPOINT__", api.base)
        .replace("__KPIKIT_PUBLISHABLE_KEY__", key),
    );

    const r = (await (
      await fetch(`${api.base}/v1/metrics/csat?range=last_30_days&locale=en`, {
        headers: { Authorization: `Bearer ${KEY}` },
      })
    ).json()) as Result;
    const want = r.formatted.value;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: CHROMIUM_ARGS,
    });
    for (const path of [`/?endpoint=${encodeURIComponent(api.base)}&token=${key}`, "/plain.html"]) {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on("console", (m) => m.type() === "error" && problems.push(m.text()));
      page.on("pageerror", (e) => problems.push(e.message));
      await page.goto(`${siteOrigin}${path}`);
      const value = page.locator('kpi-card[metric="csat"]').locator('[part~="value"]');
      await value.waitFor({ timeout: 60_000 });
      expect([path, (await value.textContent())?.trim()]).toEqual([path, want]);
      expect(problems).toEqual([]);
      await page.close();
    }
  });
});
