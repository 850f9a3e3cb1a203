import "server-only";
// Throwaway databases for the test runner: on the server behind DATABASE_URL when it is set,
// otherwise on an embedded PostgreSQL in a temporary directory that is removed afterwards.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/cli/embedded";

export type TestServer = {
  /** A new, empty database; dropped by dispose(). */
  createDatabase(prefix: string): Promise<string>;
  dispose(): Promise<void>;
  description: string;
};

function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function adminQuery(adminUrl: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

export async function startTestServer(databaseUrl: string | undefined, log: (line: string) => void): Promise<TestServer> {
  let adminUrl: string;
  let stopServer = async () => {};
  let description: string;
  if (databaseUrl) {
    adminUrl = databaseUrl;
    description = `the PostgreSQL server at ${new URL(databaseUrl).host}`;
  } else {
    const dir = mkdtempSync(path.join(tmpdir(), "switchboard-test-db-"));
    log(`DATABASE_URL is not set: starting an embedded PostgreSQL in ${dir}`);
    const embedded = await startEmbeddedPostgres({ dir, database: "postgres" });
    adminUrl = embedded.adminUrl;
    description = "an embedded PostgreSQL";
    stopServer = async () => {
      await embedded.stop();
      rmSync(dir, { recursive: true, force: true });
    };
  }

  const created: string[] = [];
  return {
    description,
    async createDatabase(prefix) {
      const name = `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
      await adminQuery(adminUrl, `CREATE DATABASE "${name}"`);
      created.push(name);
      return withDatabase(adminUrl, name);
    },
    async dispose() {
      for (const name of created) {
        await adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).catch((error: unknown) =>
          log(`Could not drop ${name}: ${error instanceof Error ? error.message : String(error)}`),
        );
      }
      await stopServer();
    },
  };
}
