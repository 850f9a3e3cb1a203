// `npm run db:generate` (also the `postinstall` script): `prisma generate` for lib/generated/prisma.
//
// Prisma 7's CLI resolves (and, if missing, downloads) its native schema-engine binary before running
// any command, generate included, although generate never starts it; the download host is not
// reachable here. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file satisfies that check.
// Migrations do not use that binary at all (see lib/cli/schema-engine.ts).

import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

function fail(message: string): never {
  console.error(`db:generate: ${message}`);
  process.exit(1);
}

let prismaCli: string;
try {
  prismaCli = createRequire(import.meta.url).resolve("prisma/build/index.js");
} catch (error) {
  fail(`cannot find the prisma CLI (is the "prisma" package installed?): ${String(error)}`);
}

const env: NodeJS.ProcessEnv = { ...process.env };
const configured = env.PRISMA_SCHEMA_ENGINE_BINARY;
if (configured && !existsSync(configured)) {
  fail(`PRISMA_SCHEMA_ENGINE_BINARY points at ${configured}, which does not exist.`);
}
// The Node binary is simply a file that is guaranteed to exist.
env.PRISMA_SCHEMA_ENGINE_BINARY = configured || process.execPath;
// The CLI otherwise phones home for update checks, which waits on the network it cannot reach.
env.CHECKPOINT_DISABLE ??= "1";

// Running from the repo root makes prisma pick up prisma.config.ts however this script was started
// (npm runs postinstall from the package root, but `node lib/cli/generate.ts` may come from anywhere).
const child = spawn(process.execPath, [prismaCli, "generate", ...process.argv.slice(2)], {
  cwd: REPO_ROOT,
  env,
  stdio: "inherit",
});

child.on("error", (error) => fail(`could not start prisma: ${error.message}`));
child.on("exit", (code, signal) => {
  if (signal) fail(`prisma generate was killed by ${signal}.`);
  if (code !== 0) fail(`prisma generate exited with code ${String(code)}.`);
  process.exit(0);
});
