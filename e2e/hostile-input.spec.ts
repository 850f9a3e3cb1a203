// Bad input from outside gets a 4xx and a sentence, never a 500: text PostgreSQL cannot store (a NUL
// character, a lone UTF-16 surrogate), malformed JSON, and ids that are not UUIDs in page URLs.
import { expect, test, type APIResponse, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser, signInAsAdmin, uniqueEmail } from "./support/accounts";
import { seedConversations, seedModel, userIdByEmail, type SeededModel } from "./support/seed";

let fake: FakeLlm;
let model: SeededModel;

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[hostile]", models: ["hostile-model"] });
  model = await seedModel({ baseUrl: fake.url, endpointName: "Hostile input fake", modelName: "hostile-model" });
});

test.afterAll(async () => {
  await fake.close();
});

const NUL = "The text contains a NUL character, which cannot be stored. Remove it and try again.";
const SURROGATE = "The text contains a broken character (a lone UTF-16 surrogate), which cannot be stored. Remove it and try again.";

/** A raw JSON body, so escapes like \u0000 and \ud800 (and broken JSON) reach the server exactly as written. */
function rawJson(text: string) {
  // A Buffer, because Playwright re-encodes a string body that is not valid JSON as a JSON string.
  return { headers: { "Content-Type": "application/json" }, data: Buffer.from(text) };
}

async function expectError(res: APIResponse, status: number, message: string | RegExp) {
  expect(res.status(), await res.text()).toBe(status);
  const body = (await res.json()) as { error: { message: string } };
  if (typeof message === "string") expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
}

async function conversationOf(page: Page, email: string): Promise<string> {
  const [id] = await seedConversations(await userIdByEmail(email), [{ title: "Plain title", lastMessageAt: new Date() }]);
  return id!;
}

test("a NUL character in a chat message is refused with a sentence", async ({ page }) => {
  await newUser(page, "nul-message");
  await expectError(await page.request.post("/api/chat", rawJson('{"message":{"text":"hello\\u0000world"}}')), 400, NUL);
});

test("a lone UTF-16 surrogate in a chat message is refused with a sentence", async ({ page }) => {
  await newUser(page, "surrogate-message");
  await expectError(await page.request.post("/api/chat", rawJson('{"message":{"text":"broken \\ud800 emoji"}}')), 400, SURROGATE);
});

test("a NUL character in a conversation title is refused and the title stays", async ({ page }) => {
  const { email } = await newUser(page, "nul-title");
  const id = await conversationOf(page, email);
  await expectError(await page.request.patch(`/api/conversations/${id}`, rawJson('{"title":"evil\\u0000title"}')), 400, NUL);
  const res = await page.request.get(`/api/conversations/${id}`);
  expect(((await res.json()) as { conversation: { title: string } }).conversation.title).toBe("Plain title");
});

test("a NUL character in an assistant's name or instructions is refused", async ({ page }) => {
  await newUser(page, "nul-assistant");
  await expectError(await page.request.post("/api/assistants", rawJson('{"name":"Bad\\u0000name"}')), 400, NUL);
  await expectError(await page.request.post("/api/assistants", rawJson('{"name":"Fine","instructions":"be \\u0000 nice"}')), 400, NUL);
});

test("a NUL character in a name at sign-up is refused", async ({ request }) => {
  const body = JSON.stringify({ email: uniqueEmail("nul-name"), password: "user-password-123", name: "Eve\u0000" });
  await expectError(await request.post("/api/sign-up", rawJson(body)), 400, NUL);
});

test("a NUL character in a search is refused with a sentence, and the search pages still open", async ({ page }) => {
  await newUser(page, "nul-search");
  await expectError(await page.request.get("/api/conversations?q=a%00b"), 422, /NUL character/);
  await expectError(await page.request.get("/api/assistants?q=a%00b"), 422, /NUL character/);
  const gallery = await page.goto("/assistants?q=a%00b");
  expect(gallery?.status()).toBe(200);
  await expect(page.getByRole("heading", { name: "Assistants", level: 1 })).toBeVisible();
});

test("page URLs with an id that is not a UUID show the not-found page", async ({ page }) => {
  await signInAsAdmin(page);
  for (const path of ["/assistants/not-a-uuid/edit", "/admin/endpoints/not-a-uuid", "/?assistant=not-a-uuid"]) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  }
});

test("malformed JSON to the admin endpoint and model routes is a 400, not an empty change", async ({ page }) => {
  await signInAsAdmin(page);
  const malformed = rawJson('{"name": "half');
  const bad = "The request body is not valid JSON.";
  await expectError(await page.request.patch(`/api/admin/endpoints/${model.endpointId}`, malformed), 400, bad);
  await expectError(await page.request.post(`/api/admin/endpoints/${model.endpointId}/test`, malformed), 400, bad);
  await expectError(await page.request.patch(`/api/admin/models/${model.modelId}`, malformed), 400, bad);
});
