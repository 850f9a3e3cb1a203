// Database test (TEST_DATABASE_URL, migrated): readiness against a migrated database, an empty one, a
// build that ships a migration the database lacks, and a server that does not answer.
import { randomBytes } from "node:crypto";
import { cp, mkdir, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { connectTestDatabase } from "@/lib/testing/test-database";
import { sample } from "@/lib/testing/prometheus-text";

const url = connectTestDatabase();
const { db } = await import("@/lib/db/client");
const { checkReadiness } = await import("@/lib/health/readiness");
const { expectedMigrations } = await import("@/lib/health/migrations");
const { markShuttingDown, resetShutdownForTests } = await import("@/lib/health/shutdown");
const { renderMetrics } = await import("@/lib/metrics/registry");

const REPO_MIGRATIONS = path.resolve(import.meta.dirname, "../../prisma/migrations");
const emptyName = `sb_ready_${randomBytes(6).toString("hex")}`;
const emptyUrl = Object.assign(new URL(url), { pathname: `/${emptyName}` }).toString();
let emptyDb: PrismaClient | undefined;
let scratch = "";

async function admin(sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

beforeAll(async () => {
  await admin(`CREATE DATABASE "${emptyName}"`);
  emptyDb = new PrismaClient({ adapter: new PrismaPg({ connectionString: emptyUrl }) });
  scratch = await mkdtemp(path.join(tmpdir(), "sb-ready-"));
});

afterEach(() => resetShutdownForTests());

afterAll(async () => {
  await emptyDb?.$disconnect();
  await db.$disconnect();
  await admin(`DROP DATABASE IF EXISTS "${emptyName}" WITH (FORCE)`);
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

describe("checkReadiness", () => {
  it("is ready on a database with every migration of this build applied", async () => {
    expect(await checkReadiness({ migrationsDir: REPO_MIGRATIONS })).toEqual({ ready: true });
  });

  it("reads the migration names of the repository, in order", async () => {
    const names = await expectedMigrations(REPO_MIGRATIONS);
    expect(names.length).toBeGreaterThan(10);
    expect(names[0]).toMatch(/^\d{14}_init$/);
    expect([...names].sort()).toEqual(names);
  });

  it("is not ready while a migration of this build is missing from the database", async () => {
    const dir = path.join(scratch, "ahead");
    await cp(REPO_MIGRATIONS, dir, { recursive: true });
    await mkdir(path.join(dir, "99991231235959_not_applied"));
    const result = await checkReadiness({ migrationsDir: dir });
    expect(result).toMatchObject({ ready: false, reason: "migrations_pending", pending: ["99991231235959_not_applied"] });
  });

  it("is ready when the database is ahead of this build (a newer replica migrated first)", async () => {
    const dir = path.join(scratch, "behind");
    await cp(REPO_MIGRATIONS, dir, { recursive: true });
    const names = await expectedMigrations(REPO_MIGRATIONS);
    await rm(path.join(dir, names.at(-1) ?? "none"), { recursive: true });
    expect(await checkReadiness({ migrationsDir: dir })).toEqual({ ready: true });
  });

  it("is not ready on a database nothing has migrated, and names what is missing", async () => {
    const result = await checkReadiness({ client: emptyDb, migrationsDir: REPO_MIGRATIONS });
    expect(result.ready).toBe(false);
    if (result.ready) return;
    expect(result.reason).toBe("migrations_pending");
    expect(result.message).toMatch(/^The database is missing \d+ migration\(s\) of this build: \d{14}_init, .* and \d+ more\.$/);
    expect(result.pending).toHaveLength(5);
  });

  it("is not ready when the database does not answer, without showing the password", async () => {
    const away = new PrismaClient({ adapter: new PrismaPg({ connectionString: "postgres://sb:hunter2@127.0.0.1:1/none", connectionTimeoutMillis: 1000 }) });
    try {
      const result = await checkReadiness({ client: away, migrationsDir: REPO_MIGRATIONS, timeoutMs: 3000 });
      expect(result).toMatchObject({ ready: false, reason: "database_unavailable" });
      expect(JSON.stringify(result)).not.toContain("hunter2");
    } finally {
      await away.$disconnect();
    }
  });

  it("is not ready when this build's migration directory is missing", async () => {
    const result = await checkReadiness({ migrationsDir: path.join(scratch, "no-such-dir") });
    expect(result).toMatchObject({ ready: false, reason: "migrations_unknown" });
  });

  it("is not ready while the instance is at its cap of running answers, and ready again below it", async () => {
    expect(await checkReadiness({ migrationsDir: REPO_MIGRATIONS, saturated: () => true })).toMatchObject({ ready: false, reason: "saturated" });
    expect(await checkReadiness({ migrationsDir: REPO_MIGRATIONS, saturated: () => false })).toEqual({ ready: true });
  });

  it("is not ready once the process is shutting down, without asking the database", async () => {
    markShuttingDown();
    const refuse = { $queryRaw: () => Promise.reject(new Error("the database must not be asked")) } as unknown as PrismaClient;
    expect(await checkReadiness({ client: refuse, migrationsDir: REPO_MIGRATIONS })).toEqual({
      ready: false,
      reason: "shutting_down",
      message: "This instance is shutting down.",
    });
  });
});

describe("the database pool gauge", () => {
  it("shows the app pool's connections once it has been used", async () => {
    await db.$queryRaw`SELECT 1`;
    const { body } = await renderMetrics();
    expect(sample(body, 'switchboard_db_pool_connections{pool="prisma",state="total"}')).toBeGreaterThanOrEqual(1);
    expect(sample(body, 'switchboard_db_pool_connections{pool="prisma",state="waiting"}')).toBe(0);
  });
});
