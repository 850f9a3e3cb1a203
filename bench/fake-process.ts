// The fake OpenAI-compatible server in a process of its own, so that the benchmark's load generator
// (hundreds of clients parsing streams) does not delay the fake's chunks and show up as the app's
// latency. The child prints its URL as one JSON line and stops when its stdin closes.
import { spawn } from "node:child_process";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { startFakeLlm, type FakeLlmOptions } from "@/e2e/fake-llm/server";
import { repoRoot } from "@/lib/cli/run";

export type FakeProcess = { url: string; close(): Promise<void> };

export async function startFakeProcess(options: FakeLlmOptions): Promise<FakeProcess> {
  const child = spawn(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), JSON.stringify(options)], {
    cwd: repoRoot,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const line = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    lines.once("line", (first) => {
      lines.close();
      resolve(first);
    });
    child.once("error", reject);
    child.once("exit", (code) => reject(new Error(`The fake server process exited (code ${code}) before it listened.`)));
  });
  const { url } = JSON.parse(line) as { url: string };
  return {
    url,
    close: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.stdin.end();
      }),
  };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const fake = await startFakeLlm(JSON.parse(process.argv[2] ?? "{}") as FakeLlmOptions);
  process.stdout.write(`${JSON.stringify({ url: fake.url })}\n`);
  process.stdin.resume();
  process.stdin.on("end", () => void fake.close().then(() => process.exit(0)));
}
