// Settings from the environment, checked at start so a typo stops the server with a clear message.
import { dirname, join, resolve } from "node:path";
import { DEFAULT_QUERY_TIMEOUT_MS } from "@kpikit/core";

export interface Config {
  port: number;
  host: string;
  /** Where the data lives: a SQLite file (KPIKIT_DB), or a PostgreSQL database (KPIKIT_DATABASE_URL). */
  database: { kind: "sqlite"; file: string } | { kind: "postgres"; url: string };
  /**
   * The server's own notes on its database (the publishable key, how far the demo data got):
   * beside the SQLite file, or for PostgreSQL in that file's folder, named for the database.
   */
  stateFile: string;
  /** The default tenant's secret key; generated and printed once when absent. */
  secretKey: string | undefined;
  /** Load three years of demo data into an empty database. */
  demo: boolean;
  /** Orders of demo data to generate. */
  demoOrders: number;
  /** Origins of pages (a shop's site) that may use the default tenant's publishable key. */
  allowedOrigins: string[];
  /** How long one KPI may compute before it is stopped and answered 503. */
  queryTimeoutMs: number;
  /**
   * Reverse proxies in front of the server, each adding the address it saw to X-Forwarded-For:
   * a visitor's address (for the publishable key's rate limit) is read from there, not the socket.
   */
  trustedProxies: number;
}

export class ConfigError extends Error {}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 8787);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new ConfigError(`PORT must be a port number, not "${env.PORT}"`);
  const secretKey = env.KPIKIT_SECRET_KEY?.trim() || undefined;
  if (secretKey !== undefined && !/^kpi_sk_[A-Za-z0-9_]{4,200}$/.test(secretKey)) {
    throw new ConfigError(
      "KPIKIT_SECRET_KEY must start with kpi_sk_ and hold only letters, digits and _ (e.g. kpi_sk_live_…)",
    );
  }
  const demoSetting = (env.KPIKIT_DEMO ?? "on").trim().toLowerCase();
  if (!["on", "off", "true", "false", "1", "0", "yes", "no"].includes(demoSetting))
    throw new ConfigError(`KPIKIT_DEMO must be on or off, not "${env.KPIKIT_DEMO}"`);
  const demoOrders = Number(env.KPIKIT_DEMO_ORDERS ?? 20_000);
  if (!Number.isInteger(demoOrders) || demoOrders < 100 || demoOrders > 10_000_000)
    throw new ConfigError("KPIKIT_DEMO_ORDERS must be a whole number from 100 to 10000000");
  const queryTimeoutMs = Number(env.KPIKIT_QUERY_TIMEOUT_MS ?? DEFAULT_QUERY_TIMEOUT_MS);
  if (!Number.isInteger(queryTimeoutMs) || queryTimeoutMs < 100 || queryTimeoutMs > 600_000)
    throw new ConfigError("KPIKIT_QUERY_TIMEOUT_MS must be a whole number of milliseconds from 100 to 600000");
  const trustedProxies = Number(env.KPIKIT_TRUSTED_PROXIES ?? 0);
  if (!Number.isInteger(trustedProxies) || trustedProxies < 0 || trustedProxies > 10)
    throw new ConfigError("KPIKIT_TRUSTED_PROXIES must be the number of reverse proxies in front, from 0 to 10");
  const file = resolve(env.KPIKIT_DB ?? "data/kpikit.db");
  const url = env.KPIKIT_DATABASE_URL?.trim() || undefined;
  const postgres = url === undefined ? undefined : postgresUrl(url);
  return {
    port,
    host: env.HOST ?? "127.0.0.1",
    database: url === undefined ? { kind: "sqlite", file } : { kind: "postgres", url },
    stateFile: postgres ? join(dirname(file), `${postgresName(postgres)}.server.json`) : `${file}.server.json`,
    secretKey,
    demo: ["on", "true", "1", "yes"].includes(demoSetting),
    demoOrders,
    allowedOrigins: origins(env.KPIKIT_ALLOWED_ORIGINS ?? ""),
    queryTimeoutMs,
    trustedProxies,
  };
}

/** KPIKIT_ALLOWED_ORIGINS: origins separated by commas or spaces, each http(s)://host[:port]. */
function origins(value: string): string[] {
  return value
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((text) => {
      let url: URL | undefined;
      try {
        url = new URL(text);
      } catch {
        url = undefined;
      }
      if (!url || (url.protocol !== "http:" && url.protocol !== "https:") || url.origin !== text.replace(/\/$/, "")) {
        throw new ConfigError(
          "KPIKIT_ALLOWED_ORIGINS must list origins like https://shop.example or http://localhost:5173 " +
            `(scheme, host and port only), not "${text}"`,
        );
      }
      return url.origin;
    });
}

/** KPIKIT_DATABASE_URL, checked. Messages never repeat it: it may hold a password. */
function postgresUrl(value: string): URL {
  const example = "postgres://user:password@host:5432/database";
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(`KPIKIT_DATABASE_URL is not a URL; it must look like ${example}`);
  }
  if (url.protocol !== "postgres:" && url.protocol !== "postgresql:")
    throw new ConfigError(`KPIKIT_DATABASE_URL must start with postgres:// or postgresql://, like ${example}`);
  // A unix socket is named by ?host=/run/postgresql instead of a host name.
  if (!url.hostname && !url.searchParams.get("host"))
    throw new ConfigError(`KPIKIT_DATABASE_URL names no host; it must look like ${example}`);
  return url;
}

/** A file name for a database: its host, port and name, so that notes on one never serve another. */
function postgresName(url: URL): string {
  const host = url.hostname || url.searchParams.get("host") || "";
  return ["postgres", host, url.port || "5432", url.pathname.slice(1)].join("-").replace(/[^A-Za-z0-9._-]+/g, "_");
}

/** The URL with its password hidden, for logs. */
export function redactedUrl(url: string): string {
  const u = new URL(url);
  if (u.password) u.password = "***";
  return u.toString();
}
