// The thread as a reader meets it: it opens at the latest message and follows a streaming answer
// while the reader stays at the bottom ("Jump to latest" when they scrolled up); a page opened while
// an answer is still being written offers Stop and updates itself; a 1,000-message conversation
// paints only its latest page, loads older ones on scroll, and sends the model only what fits.
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { seedConversations, seedModel, userIdByEmail, withDatabase, type SeededModel } from "./support/seed";

let fake: FakeLlm;
let model: SeededModel;

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[T]", models: ["thread-model"] });
  model = await seedModel({ baseUrl: fake.url, endpointName: "Thread fake", modelName: "thread-model" });
});

test.afterAll(async () => {
  await fake.close();
});

const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const messages = (page: Page) => page.locator('[data-role="user"], [data-role="assistant"]');
const assistants = (page: Page) => page.locator('[data-role="assistant"]');
const scroller = (page: Page) => page.getByTestId("chat-scroll");

async function send(page: Page, text: string) {
  await messageBox(page).fill(text);
  await messageBox(page).press("Enter");
}

/** A conversation of `count` alternating messages "message 0 …", "message 1 …", oldest first. */
async function seedLongConversation(email: string, count: number, filler = 40): Promise<string> {
  const userId = await userIdByEmail(email);
  const [id] = await seedConversations(userId, [
    {
      title: `Long ${count}`,
      lastMessageAt: new Date(),
      messages: Array.from({ length: count }, (_, index) => ({
        role: index % 2 === 0 ? ("user" as const) : ("assistant" as const),
        text: `message ${index} ${"lorem ipsum dolor sit amet ".repeat(filler)}`,
      })),
    },
  ]);
  if (!id) throw new Error("no conversation seeded");
  return id;
}

async function distanceFromBottom(page: Page): Promise<number> {
  return scroller(page).evaluate((element) => element.scrollHeight - element.scrollTop - element.clientHeight);
}

/** The seeded message n (its whole bubble: a saved answer may be shown as plain text until its Markdown renders). */
const seeded = (page: Page, n: number) => page.locator("[data-role]").filter({ hasText: `message ${n} ` });

test("a conversation opens at its last message, follows the answer, and offers Jump to latest after scrolling up", async ({ page }) => {
  const account = await newUser(page, "thread-follow");
  const id = await seedLongConversation(account.email, 30);
  await page.goto(`/c/${id}`);
  await expect(seeded(page, 29)).toBeInViewport();
  await expect(seeded(page, 0)).not.toBeInViewport();
  await expect(page.getByRole("button", { name: "Jump to latest" })).toHaveCount(0);

  // The reader scrolls up: the view stays there and offers the way back.
  await scroller(page).hover();
  await page.mouse.wheel(0, -3000);
  await expect(page.getByRole("button", { name: "Jump to latest" })).toBeVisible();
  await expect(seeded(page, 29)).not.toBeInViewport();
  await page.getByRole("button", { name: "Jump to latest" }).click();
  await expect(seeded(page, 29)).toBeInViewport();
  await expect(page.getByRole("button", { name: "Jump to latest" })).toHaveCount(0);

  // A long streamed answer stays in view to its last word.
  await send(page, "[[slow:10]] [[words:400]]");
  await expect(assistants(page).last()).toContainText("w400", { timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible();
  await expect.poll(() => distanceFromBottom(page)).toBeLessThan(40);
  await expect(page.getByText("w400", { exact: false })).toBeInViewport();
});

test("a page opened while an answer is still being written offers Stop, refuses nothing it can't do, and shows the answer once saved", async ({ page, context }) => {
  await newUser(page, "thread-elsewhere");
  await page.goto("/");
  // Slow enough (about 9 s) that the second page opens while the answer is still being written.
  await send(page, "[[slow:150]] [[words:60]]");
  await expect(assistants(page).last()).toContainText("w2");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const url = page.url();

  const other = await context.newPage();
  await other.goto(url);
  await expect(other.getByText("Still being written on the server", { exact: false })).toBeVisible();
  await expect(other.getByRole("button", { name: "Stop" })).toBeVisible();
  await expect(other.getByRole("button", { name: "Send" })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Regenerate" })).toHaveCount(0);
  await expect(other.getByRole("combobox", { name: "Model" })).toBeDisabled();

  // No reload: the page asks the server until the answer is saved, then shows it.
  await expect(assistants(other).last()).toContainText("w60", { timeout: 20_000 });
  await expect(other.getByText("Still being written on the server", { exact: false })).toHaveCount(0);
  await expect(other.getByRole("button", { name: "Regenerate" })).toBeVisible();
  await other.close();
});

test("Stop from a page that opened mid-answer stops it", async ({ page, context }) => {
  await newUser(page, "thread-stop-elsewhere");
  await page.goto("/");
  await send(page, "[[slow:200]] [[words:200]]");
  await expect(assistants(page).last()).toContainText("w2");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const other = await context.newPage();
  await other.goto(page.url());
  await other.getByRole("button", { name: "Stop" }).click();
  await expect(other.getByText("Stopped", { exact: true }).or(other.getByText(/^Stopped ·/))).toBeVisible({ timeout: 15_000 });
  await expect(other.getByRole("button", { name: "Send" })).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible({ timeout: 15_000 });
  expect(await assistants(page).last().textContent()).not.toContain("w200");
  await other.close();
});

test("a 1,000-message conversation: a small page at its latest message, older ones on scroll, and only what fits is sent", async ({ page }) => {
  const account = await newUser(page, "thread-long");
  const id = await seedLongConversation(account.email, 1_000);
  await withDatabase((client) => client.query(`UPDATE "Model" SET "contextWindow" = 8192 WHERE id = $1`, [model.modelId]));

  const html = await page.request.get(`/c/${id}`);
  expect(html.status()).toBe(200);
  expect((await html.body()).length).toBeLessThan(300_000);

  await page.goto(`/c/${id}`);
  await expect(page.getByText("message 999 ", { exact: false })).toBeInViewport();
  await expect(messages(page)).toHaveCount(50);
  await expect(page.getByText("message 949 ", { exact: false })).toHaveCount(0);

  // Scrolling up loads the page before, and keeps the reader where they were.
  await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(messages(page)).toHaveCount(100);
  await expect(page.getByText("message 900 ", { exact: false })).toHaveCount(1);
  await expect(page.getByText("message 900 ", { exact: false })).not.toBeInViewport();
  await scroller(page).evaluate((element) => element.scrollTo({ top: 0 }));
  await expect(messages(page)).toHaveCount(150);

  fake.clearRequests();
  await page.getByRole("button", { name: "Jump to latest" }).click();
  await send(page, "what did we say?");
  await expect(assistants(page).last()).toContainText("[T] Echo: what did we say?");
  const request = fake.requests.find((item) => item.path === "/v1/chat/completions" && (item.body as { stream?: boolean }).stream);
  const sent = (request?.body as { messages: Array<{ role: string; content: unknown }> }).messages;
  expect(sent.length).toBeGreaterThan(2);
  expect(sent.length).toBeLessThan(1_001);
  expect(sent[0]?.role).toBe("user");
  expect(sent.at(-1)).toEqual({ role: "user", content: "what did we say?" });
  const omitted = 1_001 - sent.length;
  const note = `${omitted.toLocaleString("en")} earlier messages were not sent to the model`;
  await expect(page.getByText(note, { exact: false })).toBeVisible();
  await page.reload();
  await expect(page.getByText(note, { exact: false })).toBeVisible();
});
