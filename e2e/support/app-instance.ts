// A second app instance for specs about several instances on one database: `next start` of the same
// build on a free port, with the environment of the suite's own web server (playwright.config.ts),
// so a session cookie of one instance is valid on the other (cookies on 127.0.0.1 ignore the port).
import { spawn } from "node:child_process";
import { freePort } from "../../lib/net/free-port";
import { appServerEnv } from "./app-env";

export type AppInstance = { url: string; close: () => Promise<void> };

/**
 * Starts `next start` of the suite's build on a free port. `appUrl` is the public address it serves
 * (the suite's, for two instances behind one address; its own when absent); `databaseUrl` defaults to
 * the suite's database (a spec may put a proxy in between); `env` adds or overrides variables.
 */
export async function startAppInstance(options: { appUrl?: string; databaseUrl?: string; env?: Record<string, string> } = {}): Promise<AppInstance> {
  const databaseUrl = options.databaseUrl ?? process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set. Run the suite with `npm run test:e2e`.");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: { ...process.env, ...appServerEnv({ databaseUrl, appUrl: options.appUrl ?? url, port }), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  // A hook that times out abandons this promise: the server must not outlive the test worker.
  const killOnExit = () => child.kill("SIGTERM");
  process.once("exit", killOnExit);
  void exited.then(() => process.off("exit", killOnExit));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`The second app instance exited (${child.exitCode}):\n${output}`);
    const ok = await fetch(`${url}/api/health`).then((res) => res.ok, () => false);
    if (ok) break;
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`The second app instance did not answer within 60 s:\n${output}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    url,
    close: async () => {
      if (child.exitCode === null) child.kill("SIGTERM");
      await exited;
    },
  };
}
