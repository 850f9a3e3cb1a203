import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";

import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

import { applyMigrations, DEFAULT_MIGRATIONS_DIR, diffSchemas, MIGRATION_LOCK_KEY } from "./schema-engine";

const SCHEMA_FILE = path.resolve(DEFAULT_MIGRATIONS_DIR, "..", "schema.prisma");
// A server, not a database: each run gets its own throwaway database on it.
const SERVER_URL = process.env.DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/postgres";

function databaseUrl(name: string): string {
  const url = new URL(SERVER_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

async function migrationNames(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

describe("diffSchemas", () => {
  it("creates every table from an empty database", async () => {
    const schema = await readFile(SCHEMA_FILE, "utf8");
    const sql = await diffSchemas(null, schema);
    expect(sql).toContain('CREATE TYPE "Role"');
    expect(sql).toContain('CREATE TABLE "User"');
    expect(sql).toContain('CREATE TABLE "Setting"');
    expect(sql).toContain('CREATE TABLE "rate_limits"');
    // `public` exists on every server; creating it would need CREATE on the database.
    expect(sql).not.toContain("CREATE SCHEMA");
  });

  it("returns an empty script for identical schemas", async () => {
    const schema = await readFile(SCHEMA_FILE, "utf8");
    expect(await diffSchemas(schema, schema)).toBe("");
  });

  it("reports invalid schemas", async () => {
    await expect(diffSchemas(null, "model Broken {")).rejects.toThrow();
  });
});

describe("applyMigrations", () => {
  const dbName = `sb_test_${randomBytes(6).toString("hex")}`;
  const url = databaseUrl(dbName);
  let scratch = "";

  beforeAll(async () => {
    await withClient(SERVER_URL, (client) => client.query(`CREATE DATABASE "${dbName}"`));
    scratch = await mkdtemp(path.join(tmpdir(), "sb-migrations-"));
  });

  afterAll(async () => {
    // WITH (FORCE) ends any connection an assertion failure may have left open (PostgreSQL 13+).
    await withClient(SERVER_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`));
    if (scratch) await rm(scratch, { recursive: true, force: true });
  });

  it("applies the repository's migrations once, like migrate deploy", { timeout: 60_000 }, async () => {
    const expected = await migrationNames(DEFAULT_MIGRATIONS_DIR);
    expect(expected.length).toBeGreaterThan(0);

    const first = await applyMigrations(url);
    expect(first.applied).toEqual(expected);

    await withClient(url, async (client) => {
      const tables = await client.query<{ table_name: string }>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'",
      );
      expect(tables.rows.map((row) => row.table_name)).toEqual(
        expect.arrayContaining(["User", "Setting", "rate_limits", "_prisma_migrations"]),
      );
      const recorded = await client.query<{ migration_name: string }>(
        `SELECT migration_name FROM _prisma_migrations
         WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name`,
      );
      expect(recorded.rows.map((row) => row.migration_name)).toEqual(expected);
    });

    const second = await applyMigrations(url);
    expect(second.applied).toEqual([]);
    await withClient(url, async (client) => {
      const count = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM _prisma_migrations");
      expect(count.rows[0]?.n).toBe(expected.length);
    });
  });

  it("applies only migrations added since the last run", { timeout: 60_000 }, async () => {
    // Continues from the database the previous test migrated, with a copy of its migrations plus one.
    await cp(DEFAULT_MIGRATIONS_DIR, scratch, { recursive: true });
    const added = "99991231235959_add_probe";
    await mkdir(path.join(scratch, added));
    // Semicolons that are not statement ends: the script must reach PostgreSQL whole, not split.
    await writeFile(
      path.join(scratch, added, "migration.sql"),
      [
        "-- a comment; with a semicolon",
        `CREATE TABLE "probe" ("id" INTEGER PRIMARY KEY, "label" TEXT NOT NULL DEFAULT 'a;b');`,
        `DO $$ BEGIN INSERT INTO "probe" ("id") VALUES (1); END $$;`,
        "",
      ].join("\n"),
    );

    expect(await applyMigrations(url, scratch)).toEqual({ applied: [added] });
    expect(await applyMigrations(url, scratch)).toEqual({ applied: [] });
    await withClient(url, async (client) => {
      const rows = await client.query<{ id: number; label: string }>('SELECT "id", "label" FROM "probe"');
      expect(rows.rows).toEqual([{ id: 1, label: "a;b" }]);
    });
  });

  it("rejects with the database's message when a migration fails", { timeout: 60_000 }, async () => {
    const broken = "99991231235960_broken";
    await mkdir(path.join(scratch, broken));
    await writeFile(
      path.join(scratch, broken, "migration.sql"),
      'CREATE TABLE "half_done" ("id" INTEGER);\nALTER TABLE "no_such_table" ADD COLUMN "x" INTEGER;\n',
    );

    await expect(applyMigrations(url, scratch)).rejects.toThrow(/no_such_table/);
    await withClient(url, async (client) => {
      // One implicit transaction: the statement before the failing one is rolled back too.
      const table = await client.query("SELECT to_regclass('public.half_done') AS t");
      expect(table.rows[0]).toEqual({ t: null });
      const failed = await client.query<{ finished_at: Date | null }>(
        "SELECT finished_at FROM _prisma_migrations WHERE migration_name = $1",
        [broken],
      );
      expect(failed.rows).toEqual([{ finished_at: null }]);
    });
  });
});

describe("applyMigrations when several instances start at once", () => {
  const dbName = `sb_test_${randomBytes(6).toString("hex")}`;
  const url = databaseUrl(dbName);
  // The schema engine's own lock; it waits for it only 10 s (see MIGRATION_LOCK_KEY).
  const ENGINE_LOCK_KEY = 72707369;

  beforeAll(() => withClient(SERVER_URL, (client) => client.query(`CREATE DATABASE "${dbName}"`)));
  afterAll(() => withClient(SERVER_URL, (client) => client.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`)));

  it("waits behind another instance's migration for longer than the engine's 10 s, then finds its work done", { timeout: 60_000 }, async () => {
    // Another instance in the middle of a long migration holds both locks, as a real one would.
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    await other.query("SELECT pg_advisory_lock($1), pg_advisory_lock($2)", [MIGRATION_LOCK_KEY, ENGINE_LOCK_KEY]);
    let settled = false;
    const run = applyMigrations(url).finally(() => {
      settled = true;
    });
    run.catch(() => {});
    await new Promise((resolve) => setTimeout(resolve, 11_000));
    expect(settled).toBe(false);
    await other.end();

    const expected = await migrationNames(DEFAULT_MIGRATIONS_DIR);
    expect(await run).toEqual({ applied: expected });
    expect(await applyMigrations(url)).toEqual({ applied: [] });
  });

  it("gives up with a sentence when another instance holds the lock past the timeout", async () => {
    const other = new pg.Client({ connectionString: url });
    await other.connect();
    try {
      await other.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
      await expect(applyMigrations(url, DEFAULT_MIGRATIONS_DIR, { lockTimeoutMs: 300 })).rejects.toThrow(/^Another instance has been migrating this database for over 300 ms; giving up\.$/);
    } finally {
      await other.end();
    }
  });
});
