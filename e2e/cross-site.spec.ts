// Requests from other sites: a page on another origin of the same site (here another port of 127.0.0.1,
// like a sibling subdomain) gets the user's SameSite=Lax cookie on a POST. Its fetch and its form post
// must both be refused, and nothing may change.
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { expect, test } from "./support/test";
import { newUser } from "./support/accounts";

let evil: Server;
let evilUrl: string;

function evilPage(appUrl: string): string {
  const target = `${appUrl}/api/assistants`;
  // A text/plain form can smuggle JSON: the field name and value join as `name=value`.
  return `<!doctype html><html><body>
<h1>Totally harmless page</h1>
<form id="form" method="POST" action="${target}" enctype="text/plain">
  <input type="hidden" name='{"name":"Made by a form on another site","pad":"' value='"}'>
  <button type="submit">Win a prize</button>
</form>
<button id="fetch" onclick='fetch(${JSON.stringify(target)}, { method: "POST", mode: "no-cors", credentials: "include", headers: { "Content-Type": "text/plain" }, body: JSON.stringify({ name: "Made by a fetch on another site" }) })'>Fetch</button>
</body></html>`;
}

test.beforeAll(async ({}, testInfo) => {
  const appUrl = String(testInfo.project.use.baseURL);
  evil = createServer((_req, res) => {
    res.writeHead(200, { "Content-Type": "text/html" });
    res.end(evilPage(appUrl));
  });
  await new Promise<void>((resolve) => evil.listen(0, "127.0.0.1", resolve));
  evilUrl = `http://127.0.0.1:${(evil.address() as AddressInfo).port}/`;
});

test.afterAll(async () => {
  await new Promise((resolve) => evil.close(resolve));
});

test("a page on another origin can neither fetch nor form-post with the user's cookie", async ({ page }) => {
  await newUser(page, "cross-site");
  await page.goto(evilUrl);

  const fetched = page.waitForResponse((res) => res.url().endsWith("/api/assistants") && res.request().method() === "POST");
  await page.locator("#fetch").click();
  expect((await fetched).status()).toBe(403);

  const posted = page.waitForResponse((res) => res.url().endsWith("/api/assistants") && res.request().method() === "POST");
  await page.getByRole("button", { name: "Win a prize" }).click();
  const formResponse = await posted;
  expect(formResponse.status()).toBe(403);
  await expect(page.getByText("This request came from another site, so Switchboard refused it.")).toBeVisible();

  const mine = await page.request.get("/api/assistants?scope=mine");
  expect(mine.status()).toBe(200);
  const { assistants } = (await mine.json()) as { assistants: Array<{ name: string }> };
  expect(assistants.map((assistant) => assistant.name)).toEqual([]);
});

test("the app's own pages still save, and a JSON route refuses a body that is not declared JSON", async ({ page }) => {
  await newUser(page, "same-site");
  const plain = await page.request.post("/api/assistants", { headers: { "Content-Type": "text/plain" }, data: JSON.stringify({ name: "Plain text" }) });
  expect(plain.status()).toBe(415);
  expect((await plain.json()).error.message).toBe("Send the request body as JSON, with the header Content-Type: application/json.");
  const json = await page.request.post("/api/assistants", { data: { name: "Declared JSON" } });
  expect(json.status()).toBe(201);
});
