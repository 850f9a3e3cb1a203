// Message identity and branches: the browser's message id is the stored id (a retried send starts no
// second turn), an edit or a regenerate adds a version beside the earlier one ("‹ 1/2 ›"), the model
// gets the selected branch's history, and the selection survives a reload. Two fake models answer
// with different prefixes, so the answers of a regenerate can be told apart.
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { seedModel, storedMessages, type SeededModel } from "./support/seed";

let fakeOne: FakeLlm;
let fakeTwo: FakeLlm;
let modelOne: SeededModel;
let modelTwo: SeededModel;

test.beforeAll(async () => {
  fakeOne = await startFakeLlm({ replyPrefix: "[B1]", models: ["branch-one"] });
  fakeTwo = await startFakeLlm({ replyPrefix: "[B2]", models: ["branch-two"] });
  modelOne = await seedModel({ baseUrl: fakeOne.url, endpointName: "Branches one", modelName: "branch-one" });
  modelTwo = await seedModel({ baseUrl: fakeTwo.url, endpointName: "Branches two", modelName: "branch-two", makeDefault: false });
});

test.afterAll(async () => {
  await Promise.all([fakeOne.close(), fakeTwo.close()]);
});

const messageBox = (page: Page) => page.getByRole("textbox", { name: "Message" });
const assistants = (page: Page) => page.locator('[data-role="assistant"]');
const users = (page: Page) => page.locator('[data-role="user"]');
const versionsOf = (message: ReturnType<typeof users>) => message.getByRole("group", { name: "Versions" });

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

/** The conversation the model got in its last streamed request, as role: text lines. */
function lastHistory(fake: FakeLlm): string[] {
  const request = fake.requests.filter((req) => req.path === "/v1/chat/completions" && (req.body as { stream?: boolean }).stream).at(-1);
  const messages = (request?.body as { messages: Array<{ role: string; content: unknown }> } | undefined)?.messages ?? [];
  return messages.map((message) => `${message.role}: ${typeof message.content === "string" ? message.content : JSON.stringify(message.content)}`);
}

async function editQuestion(page: Page, question: ReturnType<typeof users>, text: string) {
  await question.getByRole("button", { name: "Edit" }).click();
  const form = page.getByTestId("edit-message");
  await form.getByRole("textbox", { name: "Edit message" }).fill(text);
  await form.getByRole("button", { name: "Send" }).click();
}

test("the browser's message id is the stored id, and a retried send with it starts no second turn", async ({ page }) => {
  await newUser(page, "branches-id");
  await page.goto("/");
  const sent = page.waitForRequest((req) => req.url().endsWith("/api/chat") && req.method() === "POST");
  await send(page, "only once");
  const body = (await sent).postDataJSON() as { message: { id: string } };
  await answered(page, "[B1] Echo: only once");
  const id = await conversationId(page);

  // The id the page shows for the question is the one the browser sent, and the one stored.
  expect(body.message.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  await expect(users(page).first()).toHaveAttribute("data-message-id", body.message.id);
  const stored = (await (await page.request.get(`/api/conversations/${id}`)).json()) as { conversation: { messages: Array<{ id: string; role: string }> } };
  expect(stored.conversation.messages.map((message) => [message.role, message.id])).toEqual([
    ["user", body.message.id],
    ["assistant", expect.any(String)],
  ]);

  // The same request again (a retry after a lost response): refused in words, nothing asked twice.
  const calls = fakeOne.requests.length;
  const retry = await page.request.post("/api/chat", { data: { conversationId: id, message: { id: body.message.id, text: "only once" }, modelId: modelOne.modelId } });
  expect(retry.status()).toBe(409);
  const refusal = (await retry.json()) as { error: { code: string; message: string } };
  expect(refusal.error.code).toBe("already_sent");
  expect(refusal.error.message).toContain("sent already");
  // Also as a new conversation: no second conversation, no second turn.
  const asNew = await page.request.post("/api/chat", { data: { message: { id: body.message.id, text: "only once" } } });
  expect(asNew.status()).toBe(409);
  expect(fakeOne.requests.length).toBe(calls);
  expect((await storedMessages(id)).map((row) => row.text)).toEqual(["only once", "[B1] Echo: only once"]);
  // An id that is not a UUID is refused.
  const bad = await page.request.post("/api/chat", { data: { conversationId: id, message: { id: "not-a-uuid", text: "x" } } });
  expect(bad.status()).toBe(422);
});

test("an edit keeps the old branch: ‹ 1/2 › switches, the model gets the selected branch, regenerate keeps earlier answers, and a reload keeps the choice", async ({ page }) => {
  // Nine turns and switches, three reloads: more than the default 30 s on a busy machine.
  test.setTimeout(90_000);
  await newUser(page, "branches-edit");
  await page.goto("/");
  await send(page, "first question");
  await answered(page, "[B1] Echo: first question");
  await send(page, "second question");
  await answered(page, "[B1] Echo: second question");
  const id = await conversationId(page);

  // Edit the question sent in this visit (found by its id): a second version, shown as 2/2.
  await editQuestion(page, users(page).last(), "second, edited");
  await answered(page, "[B1] Echo: second, edited");
  await expect(users(page)).toHaveCount(2);
  await expect(versionsOf(users(page).last())).toContainText("2/2");
  expect(lastHistory(fakeOne)).toEqual(["user: first question", "assistant: [B1] Echo: first question", "user: second, edited"]);

  // Back to the first version: its answer is there, and the next question follows that branch.
  await versionsOf(users(page).last()).getByRole("button", { name: "Previous version" }).click();
  await expect(users(page).last()).toContainText("second question");
  await expect(versionsOf(users(page).last())).toContainText("1/2");
  await expect(assistants(page).last()).toContainText("[B1] Echo: second question");
  await send(page, "third question");
  await answered(page, "[B1] Echo: third question");
  expect(lastHistory(fakeOne)).toEqual([
    "user: first question",
    "assistant: [B1] Echo: first question",
    "user: second question",
    "assistant: [B1] Echo: second question",
    "user: third question",
  ]);

  // Regenerate with the other model: a second answer beside the first.
  await page.getByRole("combobox", { name: "Model" }).selectOption(modelTwo.modelId);
  await assistants(page).last().getByRole("button", { name: "Regenerate" }).click();
  await answered(page, "[B2] Echo: third question");
  await expect(versionsOf(assistants(page).last())).toContainText("2/2");
  expect(lastHistory(fakeTwo)).toEqual([
    "user: first question",
    "assistant: [B1] Echo: first question",
    "user: second question",
    "assistant: [B1] Echo: second question",
    "user: third question",
  ]);
  await versionsOf(assistants(page).last()).getByRole("button", { name: "Previous version" }).click();
  await expect(assistants(page).last()).toContainText("[B1] Echo: third question");
  await expect(versionsOf(assistants(page).last())).toContainText("1/2");

  // A reload shows the same choices.
  await page.reload();
  await expect(assistants(page).last()).toContainText("[B1] Echo: third question");
  await expect(versionsOf(assistants(page).last())).toContainText("1/2");
  await expect(versionsOf(users(page).nth(1))).toContainText("1/2");
  await expect(users(page)).toHaveCount(3);

  // The edited branch is one click away, whole, and stays selected after a reload.
  await versionsOf(users(page).nth(1)).getByRole("button", { name: "Next version" }).click();
  await expect(users(page)).toHaveCount(2);
  await expect(users(page).last()).toContainText("second, edited");
  await expect(assistants(page).last()).toContainText("[B1] Echo: second, edited");
  await page.reload();
  await expect(users(page).last()).toContainText("second, edited");
  await expect(versionsOf(users(page).last())).toContainText("2/2");

  // Nothing was deleted along the way.
  expect((await storedMessages(id)).map((row) => row.text)).toEqual([
    "first question",
    "[B1] Echo: first question",
    "second question",
    "[B1] Echo: second question",
    "second, edited",
    "[B1] Echo: second, edited",
    "third question",
    "[B1] Echo: third question",
    "[B2] Echo: third question",
  ]);
});

test("an edit whose answer fails loses nothing: the earlier version and its answer are one click away", async ({ page }) => {
  await newUser(page, "branches-fail");
  await page.goto("/");
  await send(page, "a question that works");
  await answered(page, "[B1] Echo: a question that works");
  const id = await conversationId(page);

  await editQuestion(page, users(page).first(), "[[status:500]] an edit that fails");
  await expect(page.getByRole("alert").filter({ hasText: /./ }).first()).toBeVisible();
  await expect(page.getByRole("button", { name: "Stop" })).toHaveCount(0);
  await page.reload();
  await expect(versionsOf(users(page).first())).toContainText("2/2");
  await versionsOf(users(page).first()).getByRole("button", { name: "Previous version" }).click();
  await expect(users(page).first()).toContainText("a question that works");
  await expect(assistants(page).last()).toContainText("[B1] Echo: a question that works");
  expect((await storedMessages(id)).map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "complete"],
    ["user", "complete"],
    ["assistant", "error"],
  ]);
});
