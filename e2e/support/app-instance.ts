// A second app instance for specs about several instances on one database: `next start` of the same
// build on a free port, with the environment of the suite's own web server (playwright.config.ts),
// so a session cookie of one instance is valid on the other (cookies on 127.0.0.1 ignore the port).
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../../lib/net/free-port";

export type AppInstance = { url: string; close: () => Promise<void> };

export async function startAppInstance(appUrl: string): Promise<AppInstance> {
  const databaseUrl = process.env.E2E_DATABASE_URL;
  if (!databaseUrl) throw new Error("E2E_DATABASE_URL is not set. Run the suite with `npm run test:e2e`.");
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      // Both instances serve one public address, as behind a load balancer.
      APP_URL: appUrl,
      PORT: String(port),
      // The same secrets as the suite's web server (playwright.config.ts).
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      SECRETS_KEY: Buffer.alloc(32, 42).toString("base64"),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "switchboard-e2e-data-b-")),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
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
