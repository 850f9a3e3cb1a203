import "server-only";
// The Prisma client singleton. Created on first use so that `next build` never needs a database.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { getEnv } from "@/lib/env";
import { metrics } from "@/lib/metrics/registry";

const globalForPrisma = globalThis as unknown as { switchboardPrisma?: PrismaClient };

export function getDb(): PrismaClient {
  if (!globalForPrisma.switchboardPrisma) {
    const url = getEnv().DATABASE_URL;
    if (!url) {
      throw new Error(
        "DATABASE_URL is not set. Start the app with `npm start` (which runs an embedded PostgreSQL) or set DATABASE_URL.",
      );
    }
    // The app builds the pool (instead of handing PrismaPg a config) so the metrics can read its
    // counts; disposeExternalPool keeps $disconnect ending it, as it did when the adapter owned it.
    const pool = new pg.Pool({ connectionString: url, max: 20 });
    metrics().pools.set("prisma", () => pool);
    globalForPrisma.switchboardPrisma = new PrismaClient({
      adapter: new PrismaPg(pool, { disposeExternalPool: true }),
    });
  }
  return globalForPrisma.switchboardPrisma;
}

/** The shared client; property access creates it lazily (see getDb). */
export const db: PrismaClient = new Proxy({} as PrismaClient, {
  get(_target, property) {
    const client = getDb();
    const value: unknown = Reflect.get(client, property);
    return typeof value === "function" ? value.bind(client) : value;
  },
});
