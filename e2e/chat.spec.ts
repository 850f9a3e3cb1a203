// Chatting: streamed answers saved once per turn, errors in words with Retry, Stop, a closed tab,
// per-user access, the model picker, the no-model state, and inert rendering of model output.
// The model is a fake OpenAI-compatible server (e2e/fake-llm) seeded into the database directly.
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser, signInAsAdmin } from "./support/accounts";
import { APP_ALERT } from "./support/locators";
import { disableAllModels, enableModels, seedModel, storedMessages, type SeededModel } from "./support/seed";

let fakeA: FakeLlm;
let fakeB: FakeLlm;
let modelA: SeededModel;
let modelB: SeededModel;

test.beforeAll(async () => {
  fakeA = await startFakeLlm({ replyPrefix: "[A]", models: ["chat-a"] });
  fakeB = await startFakeLlm({ replyPrefix: "[B]", models: ["chat-b"] });
  modelA = await seedModel({ baseUrl: fakeA.url, endpointName: "Chat fake A", modelName: "chat-a" });
  modelB = await seedModel({ baseUrl: fakeB.url, endpointName: "Chat fake B", modelName: "chat-b", makeDefault: false });
});

test.afterAll(async () => {
  await Promise.all([fakeA.close(), fakeB.close()]);
});

const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const assistants = (page: Page) => page.locator('[data-role="assistant"]');
const users = (page: Page) => page.locator('[data-role="user"]');

async function send(page: Page, text: string) {
  await messageBox(page).fill(text);
  await messageBox(page).press("Enter");
}

async function waitForAnswer(page: Page) {
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible({ timeout: 15_000 });
}

async function conversationId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1) ?? "";
}

type FakeChatBody = { messages: Array<{ role: string; content: unknown }> };

function lastChatRequest(fake: FakeLlm): FakeChatBody {
  const request = fake.requests.filter((item) => item.path === "/v1/chat/completions").at(-1);
  if (!request) throw new Error("the fake model got no chat request");
  return request.body as FakeChatBody;
}

test("an answer streams in visibly and is saved; the browser sends only the new message and the server rebuilds the history", async ({ page }) => {
  await newUser(page, "chat-stream");
  await page.goto("/");
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();

  // Records whether the newest answer was ever on screen with some words but not the last one (with Stop shown).
  await page.evaluate(() => {
    const observer = new MutationObserver(() => {
      const answers = document.querySelectorAll('[data-role="assistant"]');
      const text = answers[answers.length - 1]?.textContent ?? "";
      const stopShown = [...document.querySelectorAll("button")].some((button) => button.textContent?.trim() === "Stop" || button.getAttribute("aria-label") === "Stop");
      if (/\bw3\b/.test(text) && !/\bw40\b/.test(text) && stopShown) (window as unknown as { __partialSeen?: boolean }).__partialSeen = true;
    });
    observer.observe(document.body, { subtree: true, childList: true, characterData: true });
  });
  const firstRequest = page.waitForRequest((req) => req.url().endsWith("/api/chat") && req.method() === "POST");
  await send(page, "[[slow:40]] [[words:40]]");
  // No modelId: "Default" is resolved by the server when the message arrives.
  expect((await firstRequest).postDataJSON()).toEqual({ message: { id: expect.any(String), text: "[[slow:40]] [[words:40]]" } });

  const answer = assistants(page).last();
  await expect(answer).toContainText("w3");
  await expect(answer).toContainText("w40");
  // It arrived in pieces: the page showed the answer while it was partial (recorded in the page, so a
  // loaded machine that reads the DOM late cannot miss it).
  expect(await page.evaluate(() => (window as unknown as { __partialSeen?: boolean }).__partialSeen)).toBe(true);
  await waitForAnswer(page);
  const id = await conversationId(page);
  // The sidebar marks it as the open conversation (its title changes once one is generated).
  await expect(page.getByTestId("conversation-list").locator('a[aria-current="page"]')).toHaveAttribute("href", `/c/${id}`);

  // The second turn names the conversation and nothing else; the model gets the history from the database.
  const secondRequest = page.waitForRequest((req) => req.url().endsWith("/api/chat") && req.method() === "POST");
  await send(page, "second question");
  expect((await secondRequest).postDataJSON()).toEqual({ conversationId: id, message: { id: expect.any(String), text: "second question" } });
  await expect(assistants(page).last()).toContainText("[A] Echo: second question");
  await waitForAnswer(page);
  const words = Array.from({ length: 40 }, (_, index) => `w${index + 1}`).join(" ");
  expect(lastChatRequest(fakeA).messages).toEqual([
    { role: "user", content: "[[slow:40]] [[words:40]]" },
    { role: "assistant", content: words },
    { role: "user", content: "second question" },
  ]);

  const stored = await storedMessages(id);
  expect(stored.map((row) => [row.role, row.status, row.text])).toEqual([
    ["user", "complete", "[[slow:40]] [[words:40]]"],
    ["assistant", "complete", words],
    ["user", "complete", "second question"],
    ["assistant", "complete", "[A] Echo: second question"],
  ]);
  expect(stored[1]).toMatchObject({ modelName: "chat-a", outputTokens: 40 });
  expect(stored[1]?.ttftMs).not.toBeNull();
  expect(stored[1]?.durationMs).toBeGreaterThanOrEqual(stored[1]?.ttftMs ?? 0);

  await page.reload();
  await expect(users(page)).toHaveCount(2);
  await expect(assistants(page)).toHaveCount(2);
  await expect(assistants(page).first()).toContainText("w40");
  await expect(assistants(page).last()).toContainText("[A] Echo: second question");

  // Regenerate adds an answer beside the last one (kept, as version 1/2); the user's message is not repeated.
  await page.getByRole("button", { name: "Regenerate" }).click();
  await waitForAnswer(page);
  await expect(assistants(page).last()).toContainText("[A] Echo: second question");
  await expect(assistants(page)).toHaveCount(2);
  expect((await storedMessages(id)).map((row) => row.role)).toEqual(["user", "assistant", "user", "assistant", "assistant"]);
});

test("a 429 before the first token is retried transparently", async ({ page }) => {
  await newUser(page, "chat-429");
  await page.goto("/");
  const before = fakeA.requests.length;
  await send(page, "busy server [[status:429-once]]");
  await waitForAnswer(page);
  await expect(assistants(page).last()).toContainText("[A] Echo: busy server");
  await expect(page.locator(APP_ALERT)).toHaveCount(0);
  // The chat's streamed requests; the title request that follows the first answer is not streamed.
  const attempts = fakeA.requests.slice(before).filter((req) => JSON.stringify(req.body).includes("busy server") && (req.body as { stream?: boolean }).stream);
  expect(attempts).toHaveLength(2);
});

test("a failed answer says what went wrong where the answer would be, and Retry answers without repeating the user's message", async ({ page }) => {
  await newUser(page, "chat-error");
  await page.goto("/");
  // Three 500s outlast the automatic retries (two); the fourth request, from Retry, succeeds.
  await send(page, "flaky question [[status:500x3]]");
  const alert = assistants(page).last().locator(APP_ALERT);
  // A sentence and a reference for the user; the endpoint's URL and the upstream's words stay in the log.
  await expect(alert).toContainText("The model server answered with an error");
  await expect(alert).toContainText(/Reference [0-9A-F]{8}/);
  await expect(alert).not.toContainText(fakeA.url);
  await expect(alert).toContainText("Try again");
  const id = await conversationId(page);
  expect((await storedMessages(id)).map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "error"],
  ]);

  // The failure is part of the conversation: it is still there after a reload, with Retry.
  await page.reload();
  await expect(page.locator(APP_ALERT)).toContainText("The model server answered with an error");
  await page.getByRole("button", { name: "Retry" }).click();
  await expect(assistants(page).last()).toContainText("[A] Echo: flaky question");
  await waitForAnswer(page);
  await expect(page.locator(APP_ALERT)).toHaveCount(0);
  await expect(users(page)).toHaveCount(1);

  // The failed answer is kept beside the new one (version 1/2); the question is not repeated.
  const stored = await storedMessages(id);
  expect(stored.map((row) => [row.role, row.status, row.text])).toEqual([
    ["user", "complete", "flaky question [[status:500x3]]"],
    ["assistant", "error", ""],
    ["assistant", "complete", "[A] Echo: flaky question"],
  ]);
  await page.reload();
  await expect(users(page)).toHaveCount(1);
  await expect(assistants(page)).toHaveCount(1);
});

test("a connection the model drops mid-answer keeps the partial answer, saved as an error with Retry", async ({ page }) => {
  await newUser(page, "chat-drop");
  await page.goto("/");
  await send(page, "[[drop:4]] [[words:40]]");
  const answer = assistants(page).last();
  await expect(answer.locator(APP_ALERT)).toBeVisible();
  await expect(answer).toContainText("w1 w2 w3");
  await expect(answer).not.toContainText("w40");
  const id = await conversationId(page);
  const stored = await storedMessages(id);
  expect(stored.map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "error"],
  ]);
  expect(stored[1]?.text).toMatch(/^w1 w2 w3/);

  // After a reload: the same partial text, the error sentence and Retry.
  await page.reload();
  await expect(assistants(page).last()).toContainText("w1 w2 w3");
  await expect(assistants(page).last().locator(APP_ALERT)).toBeVisible();
  await expect(page.getByRole("button", { name: "Retry" })).toBeVisible();
});

test("Stop ends the answer and keeps what was written, saved as stopped", async ({ page }) => {
  await newUser(page, "chat-stop");
  await page.goto("/");
  await send(page, "[[slow:100]] [[words:80]]");
  await expect(assistants(page).last()).toContainText("w3");
  await page.getByRole("button", { name: "Stop" }).click();
  await waitForAnswer(page);
  await expect(assistants(page).last()).toContainText("Stopped");
  const id = await conversationId(page);

  const [, answer] = await storedMessages(id);
  expect(answer?.status).toBe("stopped");
  expect(answer?.text).toContain("w3");
  expect(answer?.text).not.toContain("w80");
  // The upstream request was aborted: nothing more arrives and nothing else is saved.
  await page.waitForTimeout(1000);
  expect((await storedMessages(id)).map((row) => [row.role, row.status, row.text])).toEqual([
    ["user", "complete", "[[slow:100]] [[words:80]]"],
    ["assistant", "stopped", answer?.text ?? ""],
  ]);
  await page.reload();
  await expect(assistants(page).last()).toContainText("Stopped");
  await expect(assistants(page).last()).not.toContainText("w80");
});

test("closing the tab does not stop the answer: the server finishes the turn and saves it", async ({ browser }) => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await newUser(page, "chat-close");
  await page.goto("/");
  await send(page, "[[slow:50]] [[words:40]]");
  await expect(assistants(page).last()).toContainText("w2");
  const id = await conversationId(page);
  await context.close();

  await expect
    .poll(async () => (await storedMessages(id)).map((row) => [row.role, row.status, row.text.split(" ").at(-1)]), { timeout: 10_000 })
    .toEqual([
      ["user", "complete", "[[words:40]]"],
      ["assistant", "complete", "w40"],
    ]);
});

test("another user gets a 404 for the conversation's page and every API on it", async ({ page, browser }) => {
  await newUser(page, "chat-owner");
  await page.goto("/");
  await send(page, "my private note");
  await expect(assistants(page).last()).toContainText("[A] Echo: my private note");
  await waitForAnswer(page);
  const id = await conversationId(page);

  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  await newUser(other, "chat-intruder");
  expect((await other.goto(`/c/${id}`))?.status()).toBe(404);
  await expect(other.getByRole("heading", { name: "Not found" })).toBeVisible();
  await expect(other.getByText("my private note")).toHaveCount(0);

  const api = other.request;
  const notFound = { error: { code: "not_found", message: "That conversation does not exist (it may have been deleted)." } };
  for (const res of [
    await api.get(`/api/conversations/${id}`),
    await api.patch(`/api/conversations/${id}`, { data: { title: "mine now" } }),
    await api.delete(`/api/conversations/${id}`),
    await api.post(`/api/chat/${id}/stop`),
    await api.post("/api/chat", { data: { conversationId: id, message: { text: "let me in" } } }),
  ]) {
    expect(res.status(), res.url()).toBe(404);
    expect(await res.json()).toEqual(notFound);
  }
  const list = (await (await api.get("/api/conversations")).json()) as { conversations: Array<{ id: string }> };
  expect(list.conversations.map((item) => item.id)).not.toContain(id);
  await otherContext.close();

  // Nothing changed for the owner.
  const own = await page.request.get(`/api/conversations/${id}`);
  expect(own.status()).toBe(200);
  const body = (await own.json()) as { conversation: { title: string; messages: unknown[] } };
  // The first words, or the title the model gave after the first answer; never the intruder's.
  expect(body.conversation.title).toMatch(/^(\[A\] Echo: )?my private note$/);
  expect(body.conversation.messages).toHaveLength(2);
});

test("model output is inert: raw HTML, javascript: links and scripts do nothing, live and after a reload", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await newUser(page, "chat-xss");
  await page.goto("/");
  const payloads = ["<img src=x onerror=alert(1)>", "[x](javascript:alert(1))", "<script>window.__xss=1</script>"];
  for (const payload of payloads) {
    await send(page, `[[reply:${payload}]]`);
    await waitForAnswer(page);
  }
  await expect(assistants(page)).toHaveCount(3);

  async function expectInert() {
    // Raw HTML is shown as the text it is; the javascript: link is not a link.
    await expect(assistants(page).nth(0)).toContainText("<img src=x onerror=alert(1)>");
    await expect(assistants(page).nth(1)).toContainText("x");
    await expect(assistants(page).nth(2)).toContainText("<script>window.__xss=1</script>");
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
    await expect(page.locator('img[src="x"]')).toHaveCount(0);
    await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i]')).toHaveCount(0);
    await expect(page.locator('[data-role="assistant"] script, [data-role="assistant"] img, [data-role="assistant"] [onerror]')).toHaveCount(0);
  }
  await expectInert();
  await page.reload();
  await expect(assistants(page)).toHaveCount(3);
  await expectInert();
});

test("the model picked in the header answers and is remembered on the conversation", async ({ page }) => {
  await newUser(page, "chat-picker");
  await page.goto("/");
  const picker = page.getByRole("combobox", { name: "Model" });
  await expect(picker).toHaveValue("");
  await picker.selectOption(modelB.modelId);
  await send(page, "which model?");
  await expect(assistants(page).last()).toContainText("[B] Echo: which model?");
  await waitForAnswer(page);
  const id = await conversationId(page);

  await page.reload();
  await expect(picker).toHaveValue(modelB.modelId);
  const saved = page.waitForResponse((res) => res.url().endsWith(`/api/conversations/${id}`) && res.request().method() === "PATCH");
  await picker.selectOption(modelA.modelId);
  expect((await saved).status()).toBe(200);
  await page.reload();
  await expect(picker).toHaveValue(modelA.modelId);
  await send(page, "and now?");
  await expect(assistants(page).last()).toContainText("[A] Echo: and now?");
  await waitForAnswer(page);
  expect((await storedMessages(id)).filter((row) => row.role === "assistant").map((row) => row.modelName)).toEqual(["chat-b", "chat-a"]);
});

test("on a phone the chat fits the screen and the conversation list is in the drawer", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await newUser(page, "chat-phone");
  await page.goto("/");
  await send(page, "hello from a phone");
  await expect(assistants(page).last()).toContainText("[A] Echo: hello from a phone");
  await waitForAnswer(page);
  await expect(messageBox(page)).toBeInViewport();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await page.getByRole("button", { name: "New chat" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("complementary", { name: "Sidebar" })).not.toBeInViewport();
  await expect(users(page)).toHaveCount(0);
  await page.getByRole("button", { name: "Open sidebar" }).click();
  await page.getByRole("link", { name: "hello from a phone" }).click();
  await expect(users(page)).toHaveCount(1);
});

test("without a usable model, people see why; admins also get a link to connect one", async ({ page, browser }) => {
  const disabled = await disableAllModels();
  try {
    await newUser(page, "chat-no-model");
    await page.goto("/");
    const sentence = "No model is connected yet. An admin needs to connect a model endpoint before you can chat.";
    await expect(page.getByText(sentence)).toBeVisible();
    await expect(messageBox(page)).toHaveCount(0);
    await expect(page.getByRole("link", { name: "Connect a model" })).toHaveCount(0);
    const res = await page.request.post("/api/chat", { data: { message: { text: "anyone?" } } });
    expect(res.status()).toBe(409);
    expect(await res.json()).toEqual({ error: { code: "conflict", message: sentence } });

    const adminContext = await browser.newContext();
    const admin = await adminContext.newPage();
    await signInAsAdmin(admin);
    await admin.goto("/");
    await expect(admin.getByText(sentence)).toBeVisible();
    await admin.getByRole("link", { name: "Connect a model" }).click();
    await expect(admin).toHaveURL(/\/admin\/endpoints$/);
    await adminContext.close();
  } finally {
    await enableModels(disabled);
  }
});
