// Admins connect model endpoints at runtime; users chat with whatever is the default right now.
// Each test runs its own fake OpenAI-compatible servers on loopback (e2e/fake-llm).
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { addEndpointViaUi, enableAndMakeDefault, testConnection } from "./support/admin";
import { newUser, signInAsAdmin } from "./support/accounts";
import { APP_ALERT } from "./support/locators";

let fakes: FakeLlm[] = [];

test.afterEach(async () => {
  await Promise.all(fakes.map((fake) => fake.close().catch(() => {})));
  fakes = [];
});

async function fake(options: Parameters<typeof startFakeLlm>[0]) {
  const server = await startFakeLlm(options);
  fakes.push(server);
  return server;
}

async function sendMessage(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

const lastAssistant = (page: Page) => page.locator('[data-role="assistant"]').last();

test("an admin connects an Ollama server, tests it, makes a model default; a user's chat is answered by it; switching to B applies to the next message", async ({
  page,
  browser,
}) => {
  const a = await fake({ replyPrefix: "[A]", models: ["alpha-small", "alpha-large"] });
  const b = await fake({ replyPrefix: "[B]", models: ["beta-chat"] });
  await signInAsAdmin(page);

  await addEndpointViaUi(page, { preset: "Ollama", name: "Fake A", baseUrl: a.url });
  await testConnection(page);
  for (const id of ["models", "stream", "tools", "usage"]) {
    await expect(page.getByTestId(`probe-check-${id}`)).toHaveAttribute("data-ok", "true");
  }
  await expect(page.getByTestId("model-row")).toHaveCount(2);
  await enableAndMakeDefault(page, "alpha-small");

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await newUser(user, "endpoint-chat");
  await user.goto("/");
  await sendMessage(user, "hello from the user");
  await expect(lastAssistant(user)).toContainText("[A] Echo: hello from the user");
  expect(a.requests.some((req) => req.path === "/v1/chat/completions" && JSON.stringify(req.body).includes("hello from the user"))).toBe(true);

  // Endpoint B becomes the default: the very next message goes to B, no restart.
  await addEndpointViaUi(page, { preset: "Other OpenAI-compatible server", name: "Fake B", baseUrl: b.url });
  await page.getByRole("button", { name: "Refresh models" }).click();
  await expect(page.locator('[data-testid="model-row"][data-model="beta-chat"]')).toBeVisible();
  await enableAndMakeDefault(page, "beta-chat");
  await page.goto("/admin/models");
  await expect(page.locator('[data-testid="enabled-model"][data-model="beta-chat"]').getByText("Default", { exact: true })).toBeVisible();

  const before = b.requests.length;
  await user.goto("/");
  await sendMessage(user, "second message");
  await expect(lastAssistant(user)).toContainText("[B] Echo: second message");
  expect(b.requests.slice(before).some((req) => JSON.stringify(req.body).includes("second message"))).toBe(true);

  // Every change is in the audit log.
  await page.goto("/admin/audit");
  await expect(page.locator('[data-testid="audit-entry"][data-action="endpoint.create"]').filter({ hasText: "“Fake A”" })).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-entry"][data-action="endpoint.create"]').filter({ hasText: "“Fake B”" })).toHaveCount(1);
  await expect(page.locator('[data-testid="audit-entry"][data-action="model.default"]').first()).toContainText("beta-chat");
  await userContext.close();
});

test("a wrong API key shows a clear 401 in the probe and in chat, and the key never reaches the browser", async ({ page, browser }) => {
  const secret = "sk-e2e-wrong-key-7f3a9c21d4e6b805";
  const guarded = await fake({ replyPrefix: "[K]", apiKey: "sk-e2e-right-key-0000000000000000", models: ["keyed-model"] });
  const seen: string[] = [];
  page.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (/text|json|javascript|x-component/.test(type)) seen.push(await res.text().catch(() => ""));
  });
  await signInAsAdmin(page);
  await addEndpointViaUi(page, { preset: "vLLM", name: "Keyed", baseUrl: guarded.url, apiKey: secret });
  await testConnection(page);
  await expect(page.getByTestId("probe-check-models")).toHaveAttribute("data-ok", "false");
  await expect(page.getByTestId("probe-check-models")).toContainText(`401 from ${guarded.url}/models`);
  await expect(page.getByTestId("probe-check-models")).toContainText("Check the API key");
  await expect(page.getByLabel("API key")).toHaveValue("");
  await expect(page.getByText(`A key is set (••••${secret.slice(-4)})`)).toBeVisible();

  // Add the model by name (the list is refused) and make it the default, then chat.
  await page.getByLabel("Model name").fill("keyed-model");
  await page.getByRole("button", { name: "Add model" }).click();
  await page.getByRole("button", { name: "Make keyed-model the default" }).click();
  await expect(page.locator('[data-testid="model-row"][data-model="keyed-model"]').getByText("Default", { exact: true })).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  user.on("response", async (res) => {
    const type = res.headers()["content-type"] ?? "";
    if (/text|json|javascript|x-component|event-stream/.test(type)) seen.push(await res.text().catch(() => ""));
  });
  await newUser(user, "wrong-key");
  await user.goto("/");
  await sendMessage(user, "are you there?");
  await expect(user.locator(APP_ALERT).last()).toContainText("401 from");
  await expect(user.locator(APP_ALERT).last()).toContainText("Check the API key");
  await user.reload();
  await page.reload();
  await page.goto("/admin/audit");

  expect(seen.length).toBeGreaterThan(5);
  for (const body of seen) {
    expect(body).not.toContain(secret);
    expect(body).not.toContain(secret.slice(-8));
  }
  await userContext.close();
});

test("a stopped endpoint: admin pages still load promptly with a stale badge, and chat says it is unreachable without losing the message", async ({
  page,
  browser,
}) => {
  const a = await fake({ replyPrefix: "[S]", models: ["stale-model"] });
  await signInAsAdmin(page);
  const id = await addEndpointViaUi(page, { preset: "LM Studio", name: "Soon gone", baseUrl: a.url });
  await page.getByRole("button", { name: "Refresh models" }).click();
  await enableAndMakeDefault(page, "stale-model");
  await a.close();

  const started = Date.now();
  await page.goto("/admin/endpoints");
  await expect(page.getByRole("heading", { name: "Model endpoints" })).toBeVisible();
  const card = page.locator('[data-testid="endpoint-card"][data-name="Soon gone"]');
  // The background re-check runs only for endpoints not checked in the last minute: force one.
  await page.goto(`/admin/endpoints/${id}`);
  await page.getByRole("button", { name: "Refresh models" }).click();
  await expect(page.getByTestId("stale-badge").first()).toContainText("Stale since");
  await page.goto("/admin/endpoints");
  await expect(card.getByTestId("stale-badge")).toBeVisible();
  expect(Date.now() - started).toBeLessThan(15_000);
  await page.goto("/admin/models");
  await expect(page.locator('[data-testid="enabled-model"][data-model="stale-model"]')).toBeVisible();

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await newUser(user, "unreachable");
  await user.goto("/");
  await sendMessage(user, "is anyone home?");
  await expect(user.locator(APP_ALERT).last()).toContainText("unreachable");
  await user.reload();
  await expect(user.locator('[data-role="user"]').last()).toContainText("is anyone home?");
  await userContext.close();
});

test("users are refused the endpoint admin APIs, and a pasted /chat/completions URL is normalised", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await newUser(user, "not-admin");
  for (const [method, url] of [
    ["GET", "/api/admin/endpoints"],
    ["POST", "/api/admin/endpoints"],
    ["PATCH", "/api/admin/endpoints/00000000-0000-4000-8000-000000000000"],
    ["DELETE", "/api/admin/endpoints/00000000-0000-4000-8000-000000000000"],
    ["POST", "/api/admin/endpoints/00000000-0000-4000-8000-000000000000/test"],
    ["PATCH", "/api/admin/models/00000000-0000-4000-8000-000000000000"],
    ["GET", "/api/admin/audit"],
  ] as const) {
    const res = await user.request.fetch(url, { method, data: method === "GET" || method === "DELETE" ? undefined : {} });
    expect(res.status(), `${method} ${url}`).toBe(403);
  }
  expect((await user.goto("/admin/endpoints"))?.status()).toBe(403);
  await userContext.close();

  const a = await fake({ replyPrefix: "[N]" });
  await signInAsAdmin(page);
  await page.goto("/admin/endpoints/new");
  await page.getByLabel("Base URL").fill(`${a.url}/chat/completions`);
  await expect(page.getByTestId("base-url-note")).toContainText(`Will be saved as ${a.url}`);
  await expect(page.getByTestId("base-url-note")).toContainText("Removed “/chat/completions”");
  await page.getByLabel("Name").fill("Normalised");
  await page.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page.getByTestId("endpoint-base-url")).toHaveText(a.url);
});
