// `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database.
import { prepareDatabase } from "@/lib/cli/prepare";
import { fail, loadEnvOrExit, log } from "@/lib/cli/run";

async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const database = await prepareDatabase(env, log);
  await database.stop();
  // The WASM schema engine keeps the event loop alive for a while after its work is done.
  process.exit(0);
}

main().catch(fail);
