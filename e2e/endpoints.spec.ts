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
  // The models were listed on save, before any Test connection or Refresh.
  await expect(page.getByTestId("model-row")).toHaveCount(2);
  await expect(page.getByText("Never fetched")).toHaveCount(0);
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
  // The server was reached and refused the key: not "Never reached".
  await expect(page.getByTestId("stale-badge").first()).toHaveText("Key refused");
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
  // Users get a sentence and a reference, never the endpoint's URL or host (admins see those).
  const refused = user.locator(APP_ALERT).last();
  await expect(refused).toContainText("The model server refused Switchboard's credentials");
  await expect(refused).toContainText(/Reference [0-9A-F]{8}/);
  await expect(refused).not.toContainText(guarded.url);
  await expect(refused).not.toContainText("127.0.0.1");
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
  await expect(user.locator(APP_ALERT).last()).toContainText("The model server did not answer");
  await expect(user.locator(APP_ALERT).last()).toContainText(/Reference [0-9A-F]{8}/);
  await expect(user.locator(APP_ALERT).last()).not.toContainText("127.0.0.1");
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

test("a model that stalls mid-answer ends the turn after the idle timeout set in the form, keeping the partial answer", async ({ page, browser }) => {
  const a = await fake({ replyPrefix: "[I]", models: ["idle-model"] });
  await signInAsAdmin(page);
  await addEndpointViaUi(page, { preset: "vLLM", name: "Stalls", baseUrl: a.url });
  await expect(page.getByLabel("Idle timeout (seconds)")).toHaveValue("60");
  await page.getByLabel("Idle timeout (seconds)").fill("2");
  await page.getByRole("button", { name: "Save changes" }).click();
  await page.reload();
  await expect(page.getByLabel("Idle timeout (seconds)")).toHaveValue("2");
  await enableAndMakeDefault(page, "idle-model");

  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await newUser(user, "idle-timeout");
  await user.goto("/");
  const started = Date.now();
  await sendMessage(user, "[[stall:3]] [[words:30]]");
  const answer = lastAssistant(user);
  await expect(answer.locator(APP_ALERT)).toContainText("The model stopped responding", { timeout: 20_000 });
  expect(Date.now() - started).toBeLessThan(20_000);
  await expect(answer).toContainText("w1 w2 w3");
  await expect(answer).not.toContainText("w30");
  // Saved as it ended: the partial answer and the sentence, after a reload.
  await user.reload();
  await expect(lastAssistant(user)).toContainText("w1 w2 w3");
  await expect(lastAssistant(user).locator(APP_ALERT)).toContainText("The model stopped responding");
  await userContext.close();
});

test("a base URL moved to another server needs the stored key entered again: the form says so and the API refuses with 422", async ({ page }) => {
  const key = "sk-e2e-follows-origin-5b1d2c3e4f";
  const first = await fake({ replyPrefix: "[1]", apiKey: key, models: ["m1"] });
  const second = await fake({ replyPrefix: "[2]", models: ["m2"] });
  await signInAsAdmin(page);
  const id = await addEndpointViaUi(page, { preset: "vLLM", name: "Moving", baseUrl: first.url, apiKey: key });

  // A change of path on the same server keeps the key.
  const samePlace = await page.request.patch(`/api/admin/endpoints/${id}`, { data: { baseUrl: `${first.url}/` } });
  expect(samePlace.status()).toBe(200);

  // The API refuses a move to another origin that keeps the key, with a sentence.
  const refused = await page.request.patch(`/api/admin/endpoints/${id}`, { data: { baseUrl: second.url } });
  expect(refused.status()).toBe(422);
  const body = (await refused.json()) as { error: { message: string; fields?: Record<string, string> } };
  expect(body.error.message).toContain("must be entered again");
  expect(body.error.fields?.apiKey).toContain("enter the API key again");

  // The form says so before saving, and saving without the key is refused.
  await page.reload();
  await page.getByLabel("Base URL").fill(second.url);
  await expect(page.getByTestId("origin-change-note")).toContainText("enter the API key and header values again");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.locator(APP_ALERT).filter({ hasText: "must be entered again" })).toBeVisible();
  await expect(page.getByTestId("endpoint-base-url")).toHaveText(first.url);
  second.clearRequests();
  await testConnection(page);
  expect(second.requests).toHaveLength(0);

  // Removing the key (or typing one) lets the move through; the old key never reaches the new server.
  await page.getByLabel("Base URL").fill(second.url);
  await page.getByLabel("Remove the stored key").check();
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(page.getByTestId("endpoint-base-url")).toHaveText(second.url);
  await testConnection(page);
  expect(second.requests.length).toBeGreaterThan(0);
  for (const req of second.requests) expect(JSON.stringify(req.headers)).not.toContain(key);
});
