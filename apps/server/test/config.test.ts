// Settings: SQLite unless KPIKIT_DATABASE_URL names a PostgreSQL database, and a clear refusal of
// a URL that cannot be one, which never repeats the URL (it may hold a password).
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, readConfig, redactedUrl } from "../src/config.js";

describe("the database settings", () => {
  it("keep data in a SQLite file by default, with the server's notes beside it", () => {
    const config = readConfig({ KPIKIT_DB: "/srv/kpikit/shop.db" });
    expect([config.database, config.stateFile]).toEqual([
      { kind: "sqlite", file: "/srv/kpikit/shop.db" },
      "/srv/kpikit/shop.db.server.json",
    ]);
    expect(readConfig({}).database).toEqual({ kind: "sqlite", file: resolve("data/kpikit.db") });
  });

  it("take PostgreSQL from KPIKIT_DATABASE_URL, with notes named for the database", () => {
    const url = "postgres://kpi:s3cret@db.internal:6432/shop";
    const config = readConfig({ KPIKIT_DATABASE_URL: ` ${url} `, KPIKIT_DB: "/srv/kpikit/shop.db" });
    expect([config.database, config.stateFile]).toEqual([
      { kind: "postgres", url },
      join("/srv/kpikit", "postgres-db.internal-6432-shop.server.json"),
    ]);
    expect(readConfig({ KPIKIT_DATABASE_URL: "postgresql:///shop?host=/run/postgresql" }).database.kind).toBe(
      "postgres",
    );
    expect(redactedUrl(url)).toBe("postgres://kpi:***@db.internal:6432/shop");
  });

  it("refuse what cannot be a PostgreSQL URL, without repeating it", () => {
    for (const [value, message] of [
      ["kpi:s3cret@db.internal/shop", /must start with postgres:\/\/ or postgresql:\/\//],
      ["mysql://kpi:s3cret@db.internal/shop", /must start with postgres:\/\/ or postgresql:\/\//],
      ["s3cret", /is not a URL/],
      ["postgres:///shop", /names no host/],
    ] as const) {
      const error = (() => {
        try {
          readConfig({ KPIKIT_DATABASE_URL: value });
        } catch (e) {
          return e;
        }
      })();
      expect(error, value).toBeInstanceOf(ConfigError);
      expect((error as Error).message).toMatch(message);
      expect((error as Error).message).not.toContain("s3cret");
    }
  });
});

describe("the other settings", () => {
  it("take a KPI's time budget from KPIKIT_QUERY_TIMEOUT_MS (8 s by default), and refuse nonsense", () => {
    expect(readConfig({}).queryTimeoutMs).toBe(8000);
    expect(readConfig({ KPIKIT_QUERY_TIMEOUT_MS: "2500" }).queryTimeoutMs).toBe(2500);
    for (const value of ["fast", "0", "-1", "1.5", "9999999"])
      expect(() => readConfig({ KPIKIT_QUERY_TIMEOUT_MS: value }), value).toThrow(
        /KPIKIT_QUERY_TIMEOUT_MS must be a whole number of milliseconds/,
      );
  });

  it("take the reverse proxies in front from KPIKIT_TRUSTED_PROXIES (none by default), and refuse nonsense", () => {
    expect(readConfig({}).trustedProxies).toBe(0);
    expect(readConfig({ KPIKIT_TRUSTED_PROXIES: "2" }).trustedProxies).toBe(2);
    for (const value of ["yes", "-1", "1.5", "11"])
      expect(() => readConfig({ KPIKIT_TRUSTED_PROXIES: value }), value).toThrow(
        /KPIKIT_TRUSTED_PROXIES must be the number of reverse proxies/,
      );
  });

  it("take the origins of a shop's pages from KPIKIT_ALLOWED_ORIGINS, and refuse what is not an origin", () => {
    expect(
      readConfig({ KPIKIT_ALLOWED_ORIGINS: " https://shop.example, http://localhost:5173 https://b.example/ " })
        .allowedOrigins,
    ).toEqual(["https://shop.example", "http://localhost:5173", "https://b.example"]);
    for (const value of ["shop.example", "https://shop.example/path", "ftp://shop.example", "null"])
      expect(() => readConfig({ KPIKIT_ALLOWED_ORIGINS: value }), value).toThrow(
        /KPIKIT_ALLOWED_ORIGINS must list origins/,
      );
  });
});
