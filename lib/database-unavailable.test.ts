// The database going away for real (a TCP proxy between the client and PostgreSQL is cut), through
// Prisma's driver adapter and through plain pg (the rate limiters' pool): both become a 503 that says so.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { isDatabaseUnavailable } from "@/lib/database-unavailable";
import { toAppError } from "@/lib/errors";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { connectTestDatabase } from "@/lib/testing/test-database";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";

let proxy: TcpProxy;
let url: string;

beforeAll(async () => {
  const direct = new URL(connectTestDatabase());
  proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
  url = proxy.rewrite(direct.toString());
});

afterAll(() => proxy.close());

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(() => {
    throw new Error("expected the query to fail");
  }, (error: unknown) => error);
}

const SENTENCE = "The database is not answering. Try again in a moment; if it keeps happening, tell your admin.";

describe("a database that stops answering", () => {
  it("is a 503 with a sentence through Prisma, while a bad query stays a 500", async () => {
    proxy.restore();
    const prisma = new PrismaClient({ adapter: new PrismaPg({ connectionString: url, connectionTimeoutMillis: 2000 }) });
    await prisma.$queryRaw`SELECT 1`;
    const badQuery = await caught(prisma.$queryRawUnsafe("SELECT * FROM no_such_table"));
    expect(isDatabaseUnavailable(badQuery)).toBe(false);

    proxy.cut();
    const mid = await caught(prisma.$queryRaw`SELECT 1`);
    const midError = toAppError(mid);
    expect(midError.status).toBe(503);
    expect(midError.message).toBe(SENTENCE);
    // And new connections are refused as well.
    const again = toAppError(await caught(prisma.$queryRaw`SELECT 2`));
    expect([again.status, again.message]).toEqual([503, SENTENCE]);
    await prisma.$disconnect().catch(() => undefined);
  });

  it("is a 503 through a plain pg pool (the rate limiters' store)", async () => {
    proxy.restore();
    const pool = new pg.Pool({ connectionString: url, max: 1, connectionTimeoutMillis: 2000 });
    pool.on("error", () => undefined);
    await pool.query("SELECT 1");
    proxy.cut();
    const error = toAppError(await caught(pool.query("SELECT 1")));
    expect([error.status, error.message]).toEqual([503, SENTENCE]);
    await pool.end().catch(() => undefined);
  });

  it("does not mistake an unreachable model server (fetch failed) for the database", async () => {
    const error = await caught(fetch("http://127.0.0.1:1/v1/models"));
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});
