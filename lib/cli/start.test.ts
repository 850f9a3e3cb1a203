// Starts the real `npm run dev` (the start script with `next dev`, which needs no build) against the
// test database, signals the npm process as a container runtime or process manager would, and checks
// that every process it had started is gone and the port is free. Loopback only.
import { spawn } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { repoRoot } from "@/lib/cli/run";
import { freePort } from "@/lib/net/free-port";
import { connectTestDatabase } from "@/lib/testing/test-database";

connectTestDatabase();

const dataDir = mkdtempSync(path.join(tmpdir(), "switchboard-start-"));
/** Every process a test started, so a run that failed or timed out leaves nothing behind. */
const spawned = new Set<number>();

afterAll(() => {
  for (const pid of spawned) killIfRunning(pid);
  rmSync(dataDir, { recursive: true, force: true });
});

/** pid -> state and parent pid, from /proc (Linux). */
function processTable(): Map<number, { ppid: number; state: string }> {
  const table = new Map<number, { ppid: number; state: string }>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // "pid (command) state ppid ...": the command may hold spaces and parentheses.
      const [state = "", ppid = ""] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      table.set(Number(entry), { ppid: Number(ppid), state });
    } catch {
      // Gone between readdir and read.
    }
  }
  return table;
}

function descendantsOf(pid: number): number[] {
  const table = processTable();
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    const parent = queue.shift();
    for (const [child, info] of table) {
      if (info.ppid === parent && !found.includes(child)) {
        found.push(child);
        queue.push(child);
      }
    }
  }
  return found;
}

/** Running: present and not a zombie waiting to be reaped. */
function isRunning(pid: number): boolean {
  const info = processTable().get(pid);
  return info !== undefined && info.state !== "Z";
}

function killIfRunning(pid: number): void {
  if (!isRunning(pid)) return;
  try {
    process.kill(pid, "SIGKILL");
  } catch {
    // Already gone.
  }
}

function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: "127.0.0.1" });
    socket.once("connect", () => {
      socket.destroy();
      resolve(true);
    });
    socket.once("error", () => resolve(false));
  });
}

async function waitFor(what: string, check: () => boolean | Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

describe("npm start passes signals on", () => {
  it.each(["SIGTERM", "SIGINT"] as const)("%s to the npm process stops the start script and the Next.js server: nothing is left running", async (signal) => {
    const port = await freePort();
    const npm = spawn("npm", ["run", "--silent", "dev"], {
      cwd: repoRoot,
      env: { ...process.env, PORT: String(port), APP_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, NEXT_TELEMETRY_DISABLED: "1" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let output = "";
    npm.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
    npm.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => npm.on("exit", (code, sig) => resolve({ code, signal: sig })));
    const pid = npm.pid ?? 0;
    spawned.add(pid);
    let started: number[] = [];

    try {
      await waitFor(`the server on port ${port}\n${output}`, () => listening(port), 90_000);
      started = descendantsOf(pid);
      for (const descendant of started) spawned.add(descendant);
      // At least the start script and the Next.js server (next dev also runs a worker).
      expect(started.length, output).toBeGreaterThanOrEqual(2);

      process.kill(pid, signal);
      await exited;
      await waitFor(`every started process to end (${started.filter(isRunning).join(", ")} still running)\n${output}`, () => !started.some(isRunning), 15_000);
      expect(await listening(port)).toBe(false);
    } finally {
      // Whatever a failed run left behind, so it can't outlive the test.
      for (const leftover of [pid, ...started, ...descendantsOf(pid)]) killIfRunning(leftover);
    }
  }, 150_000);
});
