// `npm test`: lint, type-check, unit tests (Vitest) and the Playwright suite against the real built app
// and a real PostgreSQL (DATABASE_URL's server, or an embedded one), each in a throwaway database.
// `npm run test:e2e` runs only the Playwright part.
import { ensureChromium } from "@/lib/cli/chromium";
import { fail, log, packageBin, runNode } from "@/lib/cli/run";
import { applyMigrations } from "@/lib/cli/schema-engine";
import { startTestServer } from "@/lib/cli/test-databases";
import { parseEnv } from "@/lib/env";
import { freePort } from "@/lib/net/free-port";

async function step(name: string, script: string, args: string[], env: Record<string, string> = {}): Promise<void> {
  log(`▶ ${name}`);
  const started = Date.now();
  const code = await runNode(script, args, { env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ...env } });
  if (code !== 0) throw new Error(`${name} failed (exit code ${code}).`);
  log(`✔ ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}

async function main(): Promise<void> {
  const e2eOnly = process.argv.includes("--e2e-only");
  const extraArgs = process.argv.slice(2).filter((arg) => arg !== "--e2e-only");
  const { DATABASE_URL } = parseEnv(process.env);

  log(`Node ${process.version}`);
  await ensureChromium();
  if (!e2eOnly) {
    await step("Lint (eslint)", packageBin("eslint/bin/eslint.js"), [".", "--max-warnings=0"]);
    await step("Type-check (tsc)", packageBin("typescript/bin/tsc"), ["--noEmit", "-p", "tsconfig.json"]);
  }

  const server = await startTestServer(DATABASE_URL, log);
  log(`Test databases live on ${server.description}`);
  try {
    if (!e2eOnly) {
      const unitUrl = await server.createDatabase("sb_unit");
      await applyMigrations(unitUrl);
      await step("Unit tests (vitest)", packageBin("vitest/vitest.mjs"), ["run"], {
        DATABASE_URL: unitUrl,
        TEST_DATABASE_URL: unitUrl,
      });
    }
    const e2eUrl = await server.createDatabase("sb_e2e");
    await applyMigrations(e2eUrl);
    await step("Build (next build)", packageBin("next/dist/bin/next"), ["build"], { NODE_ENV: "production" });
    // A free port, picked once here: Playwright reads its config in every worker, so the config
    // itself must not pick (an app already on 3000 or 3100 must not fail the suite).
    const e2ePort = process.env.E2E_PORT ?? String(await freePort());
    await step("End-to-end tests (playwright)", packageBin("@playwright/test/cli.js"), ["test", ...extraArgs], {
      E2E_DATABASE_URL: e2eUrl,
      E2E_PORT: e2ePort,
    });
  } finally {
    await server.dispose();
  }
  log("All tests passed.");
}

main()
  .then(() => process.exit(0))
  .catch(fail);
