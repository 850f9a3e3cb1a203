import { PrismaPg } from "@prisma/adapter-pg";
import { describe, expect, it } from "vitest";
import { checkDatabase } from "@/lib/db/health";
import { PrismaClient } from "@/lib/generated/prisma/client";

describe("checkDatabase", () => {
  it("reports a reason, without the connection URL, when nothing answers", async () => {
    // Port 1 on loopback: nothing listens there, so the connection is refused at once.
    const client = new PrismaClient({
      adapter: new PrismaPg({ connectionString: "postgres://sb:hunter2@127.0.0.1:1/none", connectionTimeoutMillis: 1000 }),
    });
    const result = await checkDatabase(client, 3000);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.reason).toMatch(/^The database is not answering/);
      expect(result.reason).not.toContain("hunter2");
    }
    await client.$disconnect();
  });

  it("is ok when the database answers", async () => {
    const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
    if (!url) throw new Error("Set TEST_DATABASE_URL (npm test does) to run database tests.");
    const client = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
    expect(await checkDatabase(client)).toEqual({ ok: true });
    await client.$disconnect();
  });
});
