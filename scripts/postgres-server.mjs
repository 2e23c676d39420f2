// A real PostgreSQL server for test runs: the one KPIKIT_TEST_DATABASE_URL names, or else a
// throwaway cluster initdb'd in a temporary folder and started on a free port of 127.0.0.1.
// PostgreSQL refuses to run as root and CI runs as root, so as root the cluster belongs to and
// runs as the postgres user. Plain JS without dependencies (typed by postgres-server.d.mts), so
// every package's vitest config can use it as its globalSetup; SQL goes through the caller's client.
import { spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import { postgresBin } from "./system-packages.mjs";

function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.on("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** The major version of a Debian server's bin folder (/usr/lib/postgresql/<version>/bin). */
const postgresVersion = (bin) => Number(basename(dirname(bin)));

/** The postgres user's uid and gid, for a cluster that root creates. */
function postgresUser() {
  const id = (flag) => spawnSync("id", [flag, "postgres"], { encoding: "utf8" });
  const [uid, gid] = [id("-u"), id("-g")];
  if (uid.status !== 0 || gid.status !== 0)
    throw new Error(
      "PostgreSQL cannot run as root and there is no postgres user to run it as " +
        "(Debian's postgresql package creates one)",
    );
  return { uid: Number(uid.stdout), gid: Number(gid.stdout) };
}

/**
 * Starts a server for tests: `url` reaches its `postgres` database as a superuser, `stop()` shuts
 * it down and deletes its files (a no-op for a server given in KPIKIT_TEST_DATABASE_URL). With
 * `dir`, the cluster lives there and outlives the run: the next run with the same `dir` starts it
 * again (benchmarks keep their loaded data this way).
 */
export async function startPostgres({ dir: kept } = {}) {
  const given = process.env.KPIKIT_TEST_DATABASE_URL;
  if (given) return { url: given, stop: async () => {} };
  const bin = postgresBin();
  if (!bin)
    throw new Error(
      "PostgreSQL is not installed: run the tests with `npm test` (it installs Debian's postgresql), " +
        "or set KPIKIT_TEST_DATABASE_URL",
    );

  if (kept) mkdirSync(kept, { recursive: true });
  const dir = kept ?? mkdtempSync(join(tmpdir(), "kpikit-pg-"));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const run = (tool, args) => {
    const [command, argv] = asRoot
      ? ["runuser", ["-u", "postgres", "--", join(bin, tool), ...args]]
      : [join(bin, tool), args];
    // cwd: the postgres user may not enter ours (root's home, say).
    const r = spawnSync(command, argv, { cwd: dir, encoding: "utf8" });
    if (r.status !== 0) throw new Error(`${tool} ${args[0]} failed (exit ${r.status}):\n${r.stderr}${r.stdout}`);
  };
  const data = join(dir, "data");
  const log = join(dir, "server.log");
  try {
    // A natural-language collation (ICU's, from PostgreSQL 15), as production servers tend to have,
    // so that a test catches text sorted or compared without COLLATE "C" (the memory engine's order
    // is by code point).
    const collation =
      postgresVersion(bin) >= 15
        ? ["--locale-provider", "icu", "--icu-locale", "en-US", "--locale", "C.UTF-8"]
        : ["--locale", "C"];
    if (!existsSync(join(data, "PG_VERSION")))
      run("initdb", [
        "--pgdata",
        data,
        "--username",
        "kpikit",
        "--auth",
        "trust",
        "--encoding",
        "UTF8",
        ...collation,
        "--no-sync",
      ]);
    const port = await freePort();
    // Durability off: the cluster is thrown away, and writes get several times faster.
    const settings = [
      "listen_addresses=127.0.0.1",
      `port=${port}`,
      `unix_socket_directories=${dir}`,
      "fsync=off",
      "synchronous_commit=off",
      "full_page_writes=off",
    ];
    run("pg_ctl", [
      "start",
      "--pgdata",
      data,
      "--log",
      log,
      "--wait",
      "--timeout",
      "60",
      "--options",
      settings.map((s) => `-c ${s}`).join(" "),
    ]);
    return {
      url: `postgres://kpikit@127.0.0.1:${port}/postgres`,
      async stop() {
        try {
          run("pg_ctl", ["stop", "--pgdata", data, "--mode", kept ? "fast" : "immediate", "--wait"]);
        } finally {
          if (!kept) rmSync(dir, { recursive: true, force: true });
        }
      },
    };
  } catch (e) {
    let serverLog = "";
    try {
      serverLog = readFileSync(log, "utf8");
    } catch {}
    if (!kept) rmSync(dir, { recursive: true, force: true });
    throw serverLog ? new Error(`${e.message}\nserver log:\n${serverLog}`) : e;
  }
}

/** vitest globalSetup: starts the server, provides its URL as "postgresUrl" and stops it at the end. */
export async function setup(project) {
  const server = await startPostgres();
  project.provide("postgresUrl", server.url);
  return server.stop;
}

let databases = 0;

/**
 * A new, empty database on the server `serverUrl` reaches, so that each suite has its own: its
 * URL, and drop() (which matters on a server given in KPIKIT_TEST_DATABASE_URL, which stays).
 * `admin(url, sql)` runs a statement with the caller's client.
 */
export async function freshDatabase(serverUrl, admin, prefix = "kpikit_test") {
  const name = `${prefix}_${process.pid}_${++databases}_${Date.now().toString(36)}`;
  await admin(serverUrl, `CREATE DATABASE ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: () => admin(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}
