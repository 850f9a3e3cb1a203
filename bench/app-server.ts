// Starts the built app (`next start`) for a benchmark, with its own data directory and secrets.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { buildIsCurrent, recordBuild, sourceFingerprint } from "@/lib/cli/build-fingerprint";
import { log, packageBin, repoRoot, runNode } from "@/lib/cli/run";
import { freePort } from "@/lib/net/free-port";

/** Builds the app unless the last build is of the current sources (the fingerprint `npm start` keeps too). */
export async function ensureBuild(): Promise<void> {
  const fingerprint = sourceFingerprint(repoRoot);
  if (buildIsCurrent(repoRoot, fingerprint)) return;
  log("Building the app…");
  if ((await runNode(packageBin("next/dist/bin/next"), ["build"], { env: { ...process.env, NODE_ENV: "production" }, stdio: "ignore" })) !== 0) throw new Error("next build failed");
  recordBuild(repoRoot, fingerprint);
}

export type AppServer = { url: string; pid: number; stop(): Promise<void> };

/** Starts `next start`; with `profileDir`, Node writes a CPU profile of the app there when it stops. */
export async function startApp(databaseUrl: string, profileDir?: string): Promise<AppServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const profile = profileDir ? ["--cpu-prof", "--cpu-prof-dir", profileDir] : [];
  const child: ChildProcess = spawn(process.execPath, [...profile, packageBin("next/dist/bin/next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: repoRoot,
    stdio: ["ignore", "ignore", "inherit"],
    env: {
      ...process.env,
      DATABASE_URL: databaseUrl,
      APP_URL: url,
      PORT: String(port),
      AUTH_SECRET: "bench-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      SECRETS_KEY: Buffer.alloc(32, 9).toString("base64"),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "switchboard-bench-data-")),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
      // The load runs send hundreds of turns a minute per user: keep the per-user limit out of the way.
      CHAT_RATE_LIMIT: "1000000",
    },
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error("The app did not start within 60 s.");
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return {
    url,
    pid: child.pid ?? 0,
    stop: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs up (the first account is the admin) and signs in; returns the session cookie header. */
export async function signIn(baseUrl: string, email: string, password = "bench-password-123"): Promise<string> {
  await fetch(`${baseUrl}/api/sign-up`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
  const csrfRes = await fetch(`${baseUrl}/api/auth/csrf`);
  const csrfCookie = (csrfRes.headers.getSetCookie?.() ?? []).map((cookie) => cookie.split(";")[0]).join("; ");
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const res = await fetch(`${baseUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: csrfCookie },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = (res.headers.getSetCookie?.() ?? []).map((cookie) => cookie.split(";")[0]).find((cookie) => cookie?.startsWith("next-auth.session-token="));
  if (!session) throw new Error(`Sign-in failed for ${email} (${res.status}).`);
  return session;
}
