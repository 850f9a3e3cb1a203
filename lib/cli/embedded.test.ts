// The embedded default database, end to end: no DATABASE_URL, a fresh data directory, migrations,
// a write and a read through Prisma, and the data still there after a restart.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { afterAll, describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/cli/embedded";
import { prepareDatabase } from "@/lib/cli/prepare";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { resolveEnv } from "@/lib/env";

const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-embedded-test-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("embedded PostgreSQL", () => {
  it("starts with no DATABASE_URL, migrates, writes, reads back, and keeps the data across restarts", async () => {
    const env = resolveEnv({ DATA_DIR: dataDir, AUTH_SECRET: "x".repeat(40), SECRETS_KEY: Buffer.alloc(32, 1).toString("base64") });
    expect(env.DATABASE_URL).toBeUndefined();
    const lines: string[] = [];

    const first = await prepareDatabase(env, (line) => lines.push(line));
    expect(first.embedded).toBe(true);
    expect(first.url).toMatch(/^postgres:\/\/postgres:[^@]+@127\.0\.0\.1:\d+\/switchboard$/);
    expect(lines.some((line) => /^Applied \d+ migration\(s\): 20\d+_init/.test(line))).toBe(true);
    const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: first.url }) });
    await db.user.create({ data: { email: "embedded@switchboard.test", passwordHash: "x", role: "admin" } });
    await db.$disconnect();
    await first.stop();

    const second = await prepareDatabase(env, (line) => lines.push(line));
    expect(lines.at(-1)).toBe("Database schema is up to date");
    const again = new PrismaClient({ adapter: new PrismaPg({ connectionString: second.url }) });
    const user = await again.user.findUnique({ where: { email: "embedded@switchboard.test" } });
    expect(user?.role).toBe("admin");
    await again.$disconnect();
    await second.stop();
  });

  it("explains a second start on the same data directory", async () => {
    const dir = path.join(dataDir, "locked");
    const running = await startEmbeddedPostgres({ dir });
    try {
      await expect(startEmbeddedPostgres({ dir })).rejects.toThrow(/did not start.*same data directory/s);
    } finally {
      await running.stop();
    }
  });
});
