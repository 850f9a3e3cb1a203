// Helpers shared by the command-line entry points in lib/cli.
import { spawn, type SpawnOptions } from "node:child_process";
import { existsSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { EnvError, getEnv, type Env } from "@/lib/env";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

const require = createRequire(import.meta.url);

/**
 * Absolute path of a package's command-line script, so we run it with this Node and not whatever is on
 * PATH. Many packages do not export their bin files, so the installed file is looked for first.
 */
export function packageBin(file: string): string {
  const installed = path.join(repoRoot, "node_modules", file);
  return existsSync(installed) ? installed : require.resolve(file, { paths: [repoRoot] });
}

export function log(line: string): void {
  console.log(`[switchboard] ${line}`);
}

/** Runs `node <script> ...args`, inheriting stdio; resolves with the exit code. */
export function runNode(script: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return run(process.execPath, [script, ...args], options);
}

export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: repoRoot, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** Prints an error the way a person can act on it and exits. */
export function fail(error: unknown): never {
  console.error(`\n[switchboard] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}

/** The validated environment, or a message naming the wrong variables and exit 1. */
export function loadEnvOrExit(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) fail(error.message);
    throw error;
  }
}
