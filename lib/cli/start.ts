// `npm start`: validates the environment (generating secrets on first start), gets a migrated database
// (embedded PostgreSQL unless DATABASE_URL is set), builds when the sources changed, then runs Next.js.
// `npm run dev` does the same with `next dev` and no build.
import { spawn } from "node:child_process";
import { prepareDatabase } from "@/lib/db/prepare";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "@/lib/cli/build-fingerprint";
import { fail, loadEnvOrExit, log, packageBin, repoRoot, runNode } from "@/lib/cli/run";

async function main(): Promise<void> {
  const dev = process.argv.includes("--dev");
  const env = loadEnvOrExit();

  const database = await prepareDatabase(env, log);
  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    await database.stop().catch(() => {});
    process.exit(code);
  };

  const nextBin = packageBin("next/dist/bin/next");
  const childEnv = {
    ...process.env,
    DATABASE_URL: database.url,
    AUTH_SECRET: env.AUTH_SECRET,
    SECRETS_KEY: env.SECRETS_KEY,
    APP_URL: env.APP_URL,
    NEXTAUTH_URL: env.APP_URL,
    PORT: String(env.PORT),
  };

  if (!dev) {
    const fingerprint = sourceFingerprint(repoRoot);
    if (!buildIsCurrent(repoRoot, fingerprint)) {
      log("Building the app (first start, or the sources changed)…");
      const code = await runNode(nextBin, ["build"], { env: { ...childEnv, NODE_ENV: "production" } });
      if (code !== 0) {
        await shutdown(code);
        return;
      }
      recordBuild(repoRoot, fingerprint);
    }
  }

  const child = spawn(process.execPath, [nextBin, dev ? "dev" : "start", "--port", String(env.PORT)], {
    cwd: repoRoot,
    stdio: "inherit",
    env: { ...childEnv, NODE_ENV: dev ? "development" : "production" },
  });
  log(`Switchboard is starting on ${env.APP_URL} (Node ${process.version}${database.embedded ? ", embedded PostgreSQL" : ""})`);
  for (const signal of ["SIGINT", "SIGTERM"] as const) {
    process.on(signal, () => {
      child.kill(signal);
    });
  }
  child.on("exit", (code) => void shutdown(code ?? 0));
}

main().catch(fail);
