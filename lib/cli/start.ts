// `npm start`: validates the environment (generating secrets on first start), gets a migrated database
// (embedded PostgreSQL unless DATABASE_URL is set), builds when the sources changed, then runs Next.js.
// `npm run dev` does the same with `next dev` and no build.
//
// SIGTERM and SIGINT (a container runtime, a process manager, Ctrl-C) are passed on to the child that
// is running (the build or the server), and this process exits with the child's code, after stopping
// the embedded database; a signal that comes before any child runs stops the database and exits.
// The npm scripts `exec` this process, so a signal to `npm start` reaches it (see package.json).
import { spawn, type ChildProcess } from "node:child_process";
import { constants } from "node:os";
import { prepareDatabase, type PreparedDatabase } from "@/lib/cli/prepare";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "@/lib/cli/build-fingerprint";
import { fail, loadEnvOrExit, log, packageBin, repoRoot } from "@/lib/cli/run";

const FORWARDED = ["SIGINT", "SIGTERM"] as const;
type Forwarded = (typeof FORWARDED)[number];

/** The shell's convention for "ended by a signal". */
const signalExitCode = (signal: NodeJS.Signals): number => 128 + (constants.signals[signal] ?? 15);

let database: PreparedDatabase | null = null;
let child: ChildProcess | null = null;
let received: Forwarded | null = null;
let exiting = false;

async function exit(code: number): Promise<never> {
  if (!exiting) {
    exiting = true;
    await database?.stop().catch(() => {});
    process.exit(code);
  }
  // A second caller waits for the first one's exit.
  return new Promise<never>(() => {});
}

function onSignal(signal: Forwarded): void {
  received = signal;
  if (child && child.exitCode === null && child.signalCode === null) {
    // The child decides how to stop; this process exits when it does, with its code.
    child.kill(signal);
    return;
  }
  // Nothing running (yet): main() checks `received` after the step it is waiting for, or it is
  // between steps and exits now.
  if (database) void exit(signalExitCode(signal));
}

/** Runs `node <args>` as the current child; resolves with its exit code (128+n for a signal). */
function runChild(args: string[], env: NodeJS.ProcessEnv): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = spawn(process.execPath, args, { cwd: repoRoot, stdio: "inherit", env });
    child = started;
    started.on("error", reject);
    started.on("exit", (code, signal) => {
      child = null;
      resolve(code ?? (signal ? signalExitCode(signal) : 0));
    });
  });
}

async function main(): Promise<void> {
  for (const signal of FORWARDED) process.on(signal, () => onSignal(signal));
  const dev = process.argv.includes("--dev");
  const env = loadEnvOrExit();

  database = await prepareDatabase(env, log);
  if (received) return exit(signalExitCode(received));

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
      const code = await runChild([nextBin, "build"], { ...childEnv, NODE_ENV: "production" });
      if (code !== 0 || received) return exit(received ? signalExitCode(received) : code);
      recordBuild(repoRoot, fingerprint);
    }
  }

  const server = runChild([nextBin, dev ? "dev" : "start", "--port", String(env.PORT)], { ...childEnv, NODE_ENV: dev ? "development" : "production" });
  log(`Switchboard is starting on ${env.APP_URL} (Node ${process.version}${database.embedded ? ", embedded PostgreSQL" : ""})`);
  return exit(await server);
}

main().catch(async (error: unknown) => {
  await database?.stop().catch(() => {});
  fail(error);
});
