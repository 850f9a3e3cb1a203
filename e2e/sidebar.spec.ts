// The sidebar and the actions on messages: conversations by day, paged by scrolling (or "Load more"),
// full-text search, rename, delete with confirmation, titles generated after the first answer,
// thumbs up/down counted for admins, copy, and editing an earlier question. Conversations are
// seeded through the database; the model is the fake OpenAI-compatible server.
import { expect, test, type Page } from "./support/test";
import { dayGroupLabel } from "../lib/utils/day-groups";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser, signInAsAdmin } from "./support/accounts";
import { seedConversations, seedModel, storedMessages, storedTitle, userIdByEmail, type SeededModel } from "./support/seed";

// Far from UTC, so day headings that followed the server's clock would be caught out.
const TIME_ZONE = "Pacific/Auckland";
test.use({ timezoneId: TIME_ZONE });

let fake: FakeLlm;
let model: SeededModel;

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[S]", models: ["sidebar-model"] });
  // A model name of its own, so the feedback counts on /admin/models are this spec's alone.
  model = await seedModel({ baseUrl: fake.url, endpointName: "Sidebar fake", modelName: `sidebar-model-${Date.now().toString(36)}` });
});

test.afterAll(async () => {
  await fake.close();
});

const sidebar = (page: Page) => page.getByRole("complementary", { name: "Sidebar" });
const conversationLinks = (page: Page) => page.getByTestId("conversation-list").getByRole("link");
const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const assistants = (page: Page) => page.locator('[data-role="assistant"]');
const users = (page: Page) => page.locator('[data-role="user"]');

async function send(page: Page, text: string) {
  await messageBox(page).fill(text);
  await messageBox(page).press("Enter");
}

async function answered(page: Page, text: string) {
  await expect(assistants(page).last()).toContainText(text);
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
}

async function conversationId(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  return page.url().split("/").at(-1) ?? "";
}

const titleOf = (index: number) => `Seeded conversation ${String(index).padStart(2, "0")}`;

/** 60 conversations: 01 now, 02 a day ago, 03 three days ago, then one a day from nine days back. */
function sixty(now: number) {
  const day = 86_400_000;
  return Array.from({ length: 60 }, (_, i) => {
    const index = i + 1;
    const ago = index === 1 ? 60_000 : index === 2 ? day : index === 3 ? 3 * day : (index + 5) * day;
    return { title: titleOf(index), lastMessageAt: new Date(now - ago) };
  });
}

test("60 conversations: newest first under day headings, the next page loads on scrolling, arrow keys move between them", async ({ page }) => {
  const account = await newUser(page, "sidebar-pages");
  const now = Date.now();
  const seeded = sixty(now);
  await seedConversations(await userIdByEmail(account.email), seeded);

  await page.goto("/");
  await expect(conversationLinks(page)).toHaveCount(30);
  await expect(conversationLinks(page).first()).toHaveText(titleOf(1));
  await expect(conversationLinks(page).last()).toHaveText(titleOf(30));

  // Headings follow the viewer's calendar (Pacific/Auckland here).
  const list = page.getByTestId("conversation-list");
  await expect(list.getByRole("group", { name: "Today" }).getByRole("link")).toHaveText([titleOf(1)]);
  await expect(list.getByRole("group", { name: "Yesterday" }).getByRole("link")).toHaveText([titleOf(2)]);
  await expect(list.getByRole("group", { name: "Previous 7 days" }).getByRole("link")).toHaveText([titleOf(3)]);
  const olderLabel = dayGroupLabel(seeded[3]?.lastMessageAt ?? new Date(), new Date(now), TIME_ZONE);
  expect(olderLabel).toMatch(/^[A-Z][a-z]+( \d{4})?$/);
  await expect(list.getByRole("group", { name: olderLabel }).getByRole("link").first()).toHaveText(titleOf(4));

  // Scrolling to the end of the list loads the older conversations.
  await conversationLinks(page).last().scrollIntoViewIfNeeded();
  await expect(conversationLinks(page)).toHaveCount(60);
  await expect(conversationLinks(page).last()).toHaveText(titleOf(60));
  await expect(sidebar(page).getByRole("button", { name: "Load more" })).toHaveCount(0);

  // Keyboard: Tab reaches a conversation; arrows, Home and End move between them.
  await conversationLinks(page).first().focus();
  await page.keyboard.press("ArrowDown");
  await expect(conversationLinks(page).nth(1)).toBeFocused();
  await page.keyboard.press("End");
  await expect(conversationLinks(page).last()).toBeFocused();
  await page.keyboard.press("Home");
  await expect(conversationLinks(page).first()).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  await expect(conversationLinks(page).first()).toHaveAttribute("aria-current", "page");
});

test("without IntersectionObserver, the Load more button pages through the list", async ({ page }) => {
  await page.addInitScript(() => {
    Reflect.deleteProperty(window, "IntersectionObserver");
  });
  const account = await newUser(page, "sidebar-more");
  await seedConversations(await userIdByEmail(account.email), sixty(Date.now()));
  await page.goto("/");
  await expect(conversationLinks(page)).toHaveCount(30);
  await sidebar(page).getByRole("button", { name: "Load more" }).click();
  await expect(conversationLinks(page)).toHaveCount(60);
  await expect(conversationLinks(page).last()).toHaveText(titleOf(60));
  await expect(sidebar(page).getByRole("button", { name: "Load more" })).toHaveCount(0);
});

test("search finds conversations by title and by message text, best first, and only the user's own", async ({ page, browser }) => {
  const account = await newUser(page, "sidebar-search");
  const now = Date.now();
  await seedConversations(await userIdByEmail(account.email), [
    { title: "Quarterly budget review", lastMessageAt: new Date(now - 5_000), messages: [{ role: "user", text: "Let us look at the numbers" }] },
    {
      title: "Weekend ideas",
      lastMessageAt: new Date(now - 4_000),
      messages: [
        { role: "user", text: "Where can I see a platypus?" },
        { role: "assistant", text: "Platypuses live in eastern Australia." },
      ],
    },
    { title: "Platypus facts", lastMessageAt: new Date(now - 10_000_000) },
    { title: "Unrelated", lastMessageAt: new Date(now - 3_000), messages: [{ role: "user", text: "nothing to see" }] },
  ]);
  // Another user's conversation mentions the same words.
  const otherContext = await browser.newContext();
  const other = await otherContext.newPage();
  const otherAccount = await newUser(other, "sidebar-search-other");
  await seedConversations(await userIdByEmail(otherAccount.email), [
    { title: "Secret platypus budget", lastMessageAt: new Date(now), messages: [{ role: "user", text: "platypus budget" }] },
  ]);
  await otherContext.close();

  await page.goto("/");
  const search = page.getByRole("searchbox", { name: "Search conversations" });
  const results = page.getByTestId("search-results").getByRole("link");

  await search.fill("budget");
  await expect(results).toHaveText(["Quarterly budget review"]);

  // By message text (question and answer); the title match ranks first even though it is older.
  await search.fill("platypus");
  await expect(results).toHaveText(["Platypus facts", "Weekend ideas"]);

  await search.fill("numbers");
  await expect(results).toHaveText(["Quarterly budget review"]);

  await search.fill("kangaroo");
  await expect(sidebar(page).getByText("No conversation matches “kangaroo”.")).toBeVisible();

  // Escape clears the search and the list is back.
  await search.press("Escape");
  await expect(search).toHaveValue("");
  await expect(conversationLinks(page)).toHaveCount(4);

  await page.getByTestId("conversation-list").getByRole("link", { name: "Weekend ideas" }).click();
  await expect(users(page).first()).toContainText("Where can I see a platypus?");

  const api = await page.request.get("/api/conversations?q=platypus budget");
  expect(api.status()).toBe(200);
  const body = (await api.json()) as { conversations: Array<{ title: string }>; nextCursor: string | null };
  expect(body.conversations).toEqual([]);
  expect(body.nextCursor).toBeNull();
  expect(((await (await page.request.get("/api/conversations?q=platypus")).json()) as { conversations: Array<{ title: string }> }).conversations.map((c) => c.title)).toEqual([
    "Platypus facts",
    "Weekend ideas",
  ]);
});

test("rename inline (Enter saves, Escape cancels); delete asks first, and deleting the open conversation goes home", async ({ page }) => {
  const account = await newUser(page, "sidebar-rename");
  const now = Date.now();
  const [alpha] = await seedConversations(await userIdByEmail(account.email), [
    { title: "Alpha plans", lastMessageAt: new Date(now - 1_000), messages: [{ role: "user", text: "alpha question" }] },
    { title: "Beta notes", lastMessageAt: new Date(now - 2_000), messages: [{ role: "user", text: "beta question" }] },
  ]);
  await page.goto(`/c/${alpha}`);
  await expect(users(page)).toHaveCount(1);
  const list = page.getByTestId("conversation-list");

  // Escape cancels.
  await list.getByRole("button", { name: "Rename Alpha plans" }).click();
  const field = sidebar(page).getByRole("textbox", { name: "Conversation title" });
  await expect(field).toBeFocused();
  await field.fill("Not this");
  await field.press("Escape");
  await expect(field).toHaveCount(0);
  await expect(list.getByRole("link", { name: "Alpha plans" })).toBeFocused();
  expect(await storedTitle(alpha ?? "")).toBe("Alpha plans");

  // Enter saves; from the keyboard, F2 on the focused conversation starts the rename.
  await page.keyboard.press("F2");
  await expect(field).toHaveValue("Alpha plans");
  await field.fill("Alpha, renamed");
  await field.press("Enter");
  await expect(list.getByRole("link", { name: "Alpha, renamed" })).toHaveAttribute("aria-current", "page");
  await expect.poll(() => storedTitle(alpha ?? "")).toBe("Alpha, renamed");
  await page.reload();
  await expect(list.getByRole("link", { name: "Alpha, renamed" })).toBeVisible();

  // Delete asks first; Cancel keeps it.
  await list.getByRole("button", { name: "Delete Beta notes" }).click();
  const dialog = page.getByRole("alertdialog", { name: "Delete conversation?" });
  await expect(dialog).toContainText("“Beta notes” and all its messages will be deleted.");
  await expect(dialog.getByRole("button", { name: "Cancel" })).toBeFocused();
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list.getByRole("link", { name: "Beta notes" })).toBeVisible();

  const betaHref = await list.getByRole("link", { name: "Beta notes" }).getAttribute("href");
  await list.getByRole("button", { name: "Delete Beta notes" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(list.getByRole("link", { name: "Beta notes" })).toHaveCount(0);
  expect((await page.request.get(`/api${betaHref?.replace("/c/", "/conversations/")}`)).status()).toBe(404);
  // Still on the open conversation, which was not the deleted one.
  await expect(page).toHaveURL(new RegExp(`/c/${alpha}$`));

  // Deleting the open conversation goes to a new chat.
  await list.getByRole("button", { name: "Delete Alpha, renamed" }).click();
  await dialog.getByRole("button", { name: "Delete" }).click();
  await expect(page).toHaveURL(/\/$/);
  await expect(page.getByRole("heading", { name: /^Welcome/ })).toBeVisible();
  await expect(sidebar(page).getByText("No conversations yet.")).toBeVisible();
  expect((await page.request.get(`/api/conversations/${alpha}`)).status()).toBe(404);
});

test("after the first answer the model titles the conversation, and the sidebar shows it", async ({ page }) => {
  await newUser(page, "sidebar-title");
  await page.goto("/");
  const before = fake.requests.length;
  await send(page, "Plan a weekend in Lisbon");
  await answered(page, "[S] Echo: Plan a weekend in Lisbon");
  const id = await conversationId(page);

  // The fake model echoes, so the generated title is its echo of the question: not "New chat" and
  // not the first words the conversation started with.
  const generated = "[S] Echo: Plan a weekend in Lisbon";
  await expect(page.getByTestId("conversation-list").getByRole("link", { name: generated })).toHaveAttribute("aria-current", "page");
  expect(await storedTitle(id)).toBe(generated);

  const notStreamed = (req: (typeof fake.requests)[number]) => req.path === "/v1/chat/completions" && !(req.body as { stream?: boolean }).stream;
  const titleRequest = fake.requests.slice(before).find(notStreamed);
  const body = titleRequest?.body as { max_tokens?: number; messages: Array<{ role: string; content: string }> };
  expect(body.max_tokens).toBe(20);
  expect(body.messages.map((message) => message.role)).toEqual(["system", "user"]);
  expect(body.messages[0]?.content).toMatch(/title/i);
  expect(body.messages[1]?.content).toBe("Plan a weekend in Lisbon");

  // Only the first answer asks for a title.
  const count = fake.requests.length;
  await send(page, "And a day in Porto?");
  await answered(page, "[S] Echo: And a day in Porto?");
  await page.waitForTimeout(500);
  expect(fake.requests.slice(count).filter(notStreamed)).toHaveLength(0);
  expect(await storedTitle(id)).toBe(generated);
});

test("thumbs up and down: one vote per answer, kept across a reload, counted per model for admins", async ({ page, browser }) => {
  await newUser(page, "sidebar-feedback");
  await page.goto("/");
  await send(page, "rate this answer");
  await answered(page, "[S] Echo: rate this answer");
  await send(page, "and this one");
  await answered(page, "[S] Echo: and this one");

  const first = assistants(page).first();
  const second = assistants(page).last();
  const good = (answer: typeof first) => answer.getByRole("button", { name: "Good answer" });
  const bad = (answer: typeof first) => answer.getByRole("button", { name: "Bad answer" });
  const saved = () => page.waitForResponse((res) => /\/api\/messages\/[^/]+\/feedback$/.test(res.url()) && res.request().method() === "PUT");

  let done = saved();
  await good(first).click();
  expect((await done).status()).toBe(200);
  await expect(good(first)).toHaveAttribute("aria-pressed", "true");

  // The other vote replaces it; the same vote again takes it back.
  done = saved();
  await bad(second).click();
  await done;
  done = saved();
  await good(second).click();
  await done;
  await expect(good(second)).toHaveAttribute("aria-pressed", "true");
  await expect(bad(second)).toHaveAttribute("aria-pressed", "false");
  done = saved();
  await good(second).click();
  await done;
  await expect(good(second)).toHaveAttribute("aria-pressed", "false");
  done = saved();
  await bad(second).click();
  await done;

  await page.reload();
  await expect(good(assistants(page).first())).toHaveAttribute("aria-pressed", "true");
  await expect(bad(assistants(page).first())).toHaveAttribute("aria-pressed", "false");
  await expect(bad(assistants(page).last())).toHaveAttribute("aria-pressed", "true");

  // Nobody else can vote on these answers; nonsense is refused.
  const answerId = await page.evaluate(() => {
    const ids = [...document.querySelectorAll('[data-role="assistant"]')].map((node) => node.getAttribute("data-message-id"));
    return ids[0] ?? null;
  });
  expect(answerId).toMatch(/^[0-9a-f-]{36}$/);
  expect((await page.request.put(`/api/messages/${answerId}/feedback`, { data: { value: 2 } })).status()).toBe(422);

  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();
  expect((await admin.request.put(`/api/messages/${answerId}/feedback`, { data: { value: -1 } })).status()).toBe(401);
  await signInAsAdmin(admin);
  expect((await admin.request.put(`/api/messages/${answerId}/feedback`, { data: { value: -1 } })).status()).toBe(404);
  await admin.goto("/admin/models");
  await expect(admin.getByRole("heading", { name: "Enabled models" })).toBeVisible();
  await expect(admin.getByRole("heading", { name: "Feedback by model" })).toBeVisible();
  const row = admin.locator(`[data-testid="feedback-row"][data-model="${model.modelName}"]`);
  await expect(row.getByTestId("feedback-up")).toHaveText("1");
  await expect(row.getByTestId("feedback-down")).toHaveText("1");
  await adminContext.close();
});

test.describe("with clipboard access", () => {
  test.use({ permissions: ["clipboard-read", "clipboard-write"] });

  test("Copy puts a message's text on the clipboard and says so", async ({ page }) => {
    await newUser(page, "sidebar-copy");
    await page.goto("/");
    await send(page, "copy **me**");
    // Rendered as Markdown: "me" in bold.
  await answered(page, "[S] Echo: copy me");

    await assistants(page).last().getByRole("button", { name: "Copy" }).click();
    await expect(assistants(page).last().getByRole("button", { name: "Copied" })).toBeVisible();
    // The Markdown source, not the rendered text.
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("[S] Echo: copy **me**");

    await users(page).last().getByRole("button", { name: "Copy" }).click();
    await expect(users(page).last().getByRole("button", { name: "Copied" })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe("copy **me**");
    await expect(assistants(page).last().getByRole("button", { name: "Copy" })).toBeVisible({ timeout: 5_000 });
  });
});

test("editing an earlier question asks it again from there: the model no longer sees what followed, which is kept as the earlier version", async ({ page }) => {
  await newUser(page, "sidebar-edit");
  await page.goto("/");
  await send(page, "first question");
  await answered(page, "[S] Echo: first question");
  await send(page, "second question");
  await answered(page, "[S] Echo: second question");
  const id = await conversationId(page);

  // A question sent in this visit (the browser's id is the stored id).
  await users(page).first().getByRole("button", { name: "Edit" }).click();
  const form = page.getByTestId("edit-message");
  await expect(form.getByRole("textbox", { name: "Edit message" })).toHaveValue("first question");
  // Escape leaves it as it was.
  await form.getByRole("textbox", { name: "Edit message" }).press("Escape");
  await expect(form).toHaveCount(0);
  await expect(users(page)).toHaveCount(2);

  await users(page).first().getByRole("button", { name: "Edit" }).click();
  await form.getByRole("textbox", { name: "Edit message" }).fill("better first question");
  const sent = page.waitForRequest((req) => req.url().endsWith("/api/chat") && req.method() === "POST");
  await form.getByRole("button", { name: "Send" }).click();
  expect((await sent).postDataJSON()).toMatchObject({ conversationId: id, editMessageId: expect.stringMatching(/^[0-9a-f-]{36}$/), message: { text: "better first question" } });
  await answered(page, "[S] Echo: better first question");
  await expect(users(page)).toHaveCount(1);
  await expect(users(page).first()).toContainText("better first question");
  await expect(assistants(page)).toHaveCount(1);

  const lastChat = () => {
    const request = fake.requests.filter((req) => req.path === "/v1/chat/completions" && (req.body as { stream?: boolean }).stream).at(-1);
    return (request?.body as { messages: Array<{ role: string; content: unknown }> }).messages;
  };
  expect(lastChat()).toEqual([{ role: "user", content: "better first question" }]);
  // The earlier version and what followed it are kept (reachable with the version switcher).
  expect((await storedMessages(id)).map((row) => [row.role, row.text])).toEqual([
    ["user", "first question"],
    ["assistant", "[S] Echo: first question"],
    ["user", "second question"],
    ["assistant", "[S] Echo: second question"],
    ["user", "better first question"],
    ["assistant", "[S] Echo: better first question"],
  ]);

  // After a reload the question carries its stored id; edit it again.
  await send(page, "a follow-up");
  await answered(page, "[S] Echo: a follow-up");
  await page.reload();
  await users(page).last().getByRole("button", { name: "Edit" }).click();
  await form.getByRole("textbox", { name: "Edit message" }).fill("a different follow-up");
  await form.getByRole("button", { name: "Send" }).click();
  await answered(page, "[S] Echo: a different follow-up");
  expect(lastChat()).toEqual([
    { role: "user", content: "better first question" },
    { role: "assistant", content: "[S] Echo: better first question" },
    { role: "user", content: "a different follow-up" },
  ]);
  await page.reload();
  await expect(users(page)).toHaveCount(2);
  expect((await storedMessages(id)).map((row) => row.text).slice(4)).toEqual([
    "better first question",
    "[S] Echo: better first question",
    "a follow-up",
    "[S] Echo: a follow-up",
    "a different follow-up",
    "[S] Echo: a different follow-up",
  ]);

  // Someone else's message id cannot be edited into this conversation.
  const res = await page.request.post("/api/chat", { data: { conversationId: id, editMessageId: "6f1c2b8e-3a4d-4e5f-9a0b-1c2d3e4f5a6b", message: { text: "x" } } });
  expect(res.status()).toBe(404);
  expect((await storedMessages(id)).map((row) => row.text)).toHaveLength(10);
});
