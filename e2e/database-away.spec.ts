// The database being away is said in words. A second app server (the same build) reaches PostgreSQL
// through a TCP proxy this spec controls; cutting it is the database going away for real.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { freePort } from "../lib/net/free-port";
import { startTcpProxy, type TcpProxy } from "../lib/testing/tcp-proxy";
import { signInViaApi, signUpViaApi, uniqueEmail } from "./support/accounts";
import { expect, test } from "./support/test";

const SENTENCE = "The database is not answering. Try again in a moment; if it keeps happening, tell your admin.";

let proxy: TcpProxy;
let app: ChildProcess;
let appUrl: string;

async function waitForHealth(url: string, deadline: number): Promise<void> {
  while (Date.now() < deadline) {
    const ok = await fetch(`${url}/api/health`).then((res) => res.ok, () => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`The second app server at ${url} did not become healthy.`);
}

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const database = new URL(String(process.env.E2E_DATABASE_URL));
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  const port = await freePort();
  appUrl = `http://127.0.0.1:${port}`;
  app = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "--port", String(port), "--hostname", "127.0.0.1"], {
    env: {
      ...process.env,
      DATABASE_URL: proxy.rewrite(database.toString()),
      APP_URL: appUrl,
      PORT: String(port),
      AUTH_SECRET: "e2e-auth-secret-0123456789abcdefghijklmnopqrstuvwxyz",
      SECRETS_KEY: Buffer.alloc(32, 42).toString("base64"),
      DATA_DIR: mkdtempSync(path.join(tmpdir(), "switchboard-e2e-db-away-")),
      NODE_ENV: "production",
      NEXT_TELEMETRY_DISABLED: "1",
    },
    stdio: "ignore",
  });
  await waitForHealth(appUrl, Date.now() + 60_000);
});

test.afterAll(async () => {
  app?.kill("SIGTERM");
  await proxy?.close();
});

test("with PostgreSQL unreachable, a chat turn answers 503 and the pages say the database is not answering", async ({ browser }) => {
  test.setTimeout(60_000);
  const context = await browser.newContext({ baseURL: appUrl });
  const page = await context.newPage();
  const account = await signUpViaApi(page.request, uniqueEmail("db-away"));
  await signInViaApi(page, account.email, account.password);
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();

  proxy.cut();

  const turn = await page.request.post("/api/chat", { data: { message: { text: "are you there?" } } });
  expect(turn.status()).toBe(503);
  expect(await turn.json()).toEqual({ error: { code: "unavailable", message: SENTENCE } });

  for (const pathname of ["/", "/sign-in"]) {
    await page.goto(pathname);
    await expect(page.getByRole("alert").filter({ hasText: SENTENCE })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Switchboard can't reach its database" })).toBeVisible();
  }

  // And when it is back, the page comes back with "Try again".
  proxy.restore();
  await page.getByRole("button", { name: "Try again" }).click();
  await expect(page.getByRole("alert").filter({ hasText: SENTENCE })).toHaveCount(0);
  await context.close();
});
