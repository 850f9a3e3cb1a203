// The database being away is said in words. A second app server (the same build) reaches PostgreSQL
// through a TCP proxy this spec controls; cutting it is the database going away for real.
import { startAppInstance, type AppInstance } from "./support/app-instance";
import { startTcpProxy, type TcpProxy } from "../lib/testing/tcp-proxy";
import { signInViaApi, signUpViaApi, uniqueEmail } from "./support/accounts";
import { expect, test } from "./support/test";

const SENTENCE = "The database is not answering. Try again in a moment; if it keeps happening, tell your admin.";

let proxy: TcpProxy;
let app: AppInstance;
let appUrl: string;

test.beforeAll(async () => {
  test.setTimeout(90_000);
  const database = new URL(String(process.env.E2E_DATABASE_URL));
  proxy = await startTcpProxy({ host: database.hostname, port: Number(database.port || 5432) });
  app = await startAppInstance({ databaseUrl: proxy.rewrite(database.toString()) });
  appUrl = app.url;
});

test.afterAll(async () => {
  await app?.close();
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
