// The container image's entrypoint (Dockerfile; bundled to /app/start.mjs by bundle-container-start.ts):
// checks the environment, applies pending migrations (behind the advisory lock, so replicas that start
// together migrate once), then runs Next's standalone server in this same process, so the signals a
// container runtime sends reach Next's own handlers directly.
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { applyMigrations } from "@/lib/cli/schema-engine";
import { fail, log } from "@/lib/cli/run";
import { containerEnvProblems } from "@/lib/cli/container-env";
import { EnvError, getEnv, parseEnv } from "@/lib/env";

async function main(): Promise<void> {
  const appDir = path.dirname(fileURLToPath(import.meta.url));
  let databaseUrl: string;
  try {
    const raw = parseEnv(process.env);
    const problems = containerEnvProblems(raw);
    if (problems.length > 0) fail(`Invalid environment configuration:\n${problems.join("\n")}`);
    databaseUrl = getEnv().DATABASE_URL ?? "";
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }

  const started = Date.now();
  const { applied } = await applyMigrations(databaseUrl, path.join(appDir, "prisma", "migrations"));
  log(applied.length > 0 ? `Applied ${applied.length} migration(s) in ${Date.now() - started} ms: ${applied.join(", ")}` : "Database schema is up to date");

  // Docker and Kubernetes set HOSTNAME to the container's name, and Next's standalone server listens on
  // HOSTNAME: it must listen on every interface for the port mapping and probes to reach it.
  process.env.HOSTNAME = "0.0.0.0";
  await import(pathToFileURL(path.join(appDir, "server.js")).href);
}

main().catch(fail);
