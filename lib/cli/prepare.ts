import "server-only";
// Gets a migrated database for the app: DATABASE_URL when it is set, otherwise the embedded
// PostgreSQL under DATA_DIR/postgres. Used by `npm start`, `npm run db:migrate` and the test runner.
import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/cli/embedded";
import { applyMigrations } from "@/lib/cli/schema-engine";
import type { Env } from "@/lib/env";

export type PreparedDatabase = { url: string; embedded: boolean; stop(): Promise<void> };

export async function prepareDatabase(env: Env, log: (line: string) => void): Promise<PreparedDatabase> {
  let prepared: PreparedDatabase;
  if (env.DATABASE_URL) {
    prepared = { url: env.DATABASE_URL, embedded: false, stop: async () => {} };
  } else {
    const dir = path.join(env.dataDir, "postgres");
    log(`DATABASE_URL is not set: starting the embedded PostgreSQL (data in ${dir})`);
    const embedded = await startEmbeddedPostgres({ dir });
    prepared = { url: embedded.url, embedded: true, stop: embedded.stop };
  }
  try {
    const { applied } = await applyMigrations(prepared.url);
    log(applied.length > 0 ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date");
  } catch (error) {
    await prepared.stop();
    throw error;
  }
  return prepared;
}
