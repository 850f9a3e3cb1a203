// Custom assistants: build one, chat with it (instructions go to the model from the server),
// starters, sharing rules, versions, export and import.
import { expect, test, type Page } from "@playwright/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { seedModel } from "./support/seed";

let fake: FakeLlm;

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[G]" });
  await seedModel({ baseUrl: fake.url, endpointName: "Assistants fake", modelName: "gpt-fake" });
});

test.afterAll(async () => {
  await fake.close();
});

async function createAssistant(page: Page, options: { name: string; instructions: string; starters?: string[]; shared?: boolean }) {
  await page.goto("/assistants/new");
  await page.getByLabel("Name").fill(options.name);
  await page.getByLabel("Description").fill(`${options.name} helps with tests.`);
  await page.getByLabel("Instructions").fill(options.instructions);
  for (const [index, starter] of (options.starters ?? []).entries()) {
    await page.getByRole("button", { name: "Add starter" }).click();
    await page.getByRole("textbox", { name: `Starter ${index + 1}`, exact: true }).fill(starter);
  }
  if (options.shared) await page.getByLabel("Everyone in the organisation").check();
  await page.getByRole("button", { name: "Create assistant" }).click();
  await expect(page).toHaveURL(/\/assistants\/[0-9a-f-]{36}\/edit$/);
  return page.url().split("/").at(-2) ?? "";
}

const systemTexts = (since: number) =>
  fake.requests
    .slice(since)
    .map((req) => JSON.stringify(req.body))
    .join("\n");

test("an assistant built with instructions and starters: its chat sends the instructions from the server, and a starter sends its text", async ({ page }) => {
  await newUser(page, "builder");
  await createAssistant(page, { name: "Pirate helper", instructions: "Always answer like a pirate. SECRET-INSTRUCTION-42", starters: ["Tell me about ships", "Sing a shanty"] });

  await page.goto("/assistants");
  await page.getByRole("link", { name: "Chat with Pirate helper" }).click();
  await expect(page.getByTestId("assistant-intro")).toContainText("Pirate helper");
  const before = fake.requests.length;
  await page.getByRole("button", { name: "Sing a shanty" }).click();
  await expect(page.locator('[data-role="user"]').last()).toContainText("Sing a shanty");
  await expect(page.locator('[data-role="assistant"]').last()).toContainText("[G] Echo: Sing a shanty");
  const sent = fake.requests.slice(before).find((req) => JSON.stringify(req.body).includes("Sing a shanty"));
  expect(JSON.stringify(sent?.body)).toContain("SECRET-INSTRUCTION-42");
  expect(JSON.stringify(sent?.body)).toContain('"role":"system"');

  // The next turn in the same conversation keeps the assistant.
  await page.reload();
  await expect(page.getByTestId("conversation-assistant")).toContainText("Pirate helper");
  await expect(page.getByTestId("conversation-list").getByRole("link", { name: /Sing a shanty.*Pirate helper/ })).toBeVisible();
  const second = fake.requests.length;
  await page.getByRole("textbox", { name: "Message" }).fill("and another");
  await page.getByRole("button", { name: "Send" }).click();
  await expect(page.locator('[data-role="assistant"]').last()).toContainText("[G] Echo: and another");
  expect(systemTexts(second)).toContain("SECRET-INSTRUCTION-42");
});

test("another user gets 404 for a private assistant; an organisation assistant can be used but not edited by others", async ({ page, browser }) => {
  await newUser(page, "owner");
  const privateId = await createAssistant(page, { name: "Private one", instructions: "private" });
  const sharedId = await createAssistant(page, { name: "Shared one", instructions: "shared", shared: true });

  const context = await browser.newContext();
  const other = await context.newPage();
  await newUser(other, "other");
  expect((await other.request.get(`/api/assistants/${privateId}`)).status()).toBe(404);
  expect((await other.goto(`/?assistant=${privateId}`))?.status()).toBe(404);
  const start = await other.request.post("/api/chat", { data: { assistantId: privateId, message: { text: "hi" } } });
  expect(start.status()).toBe(404);

  await other.goto("/assistants");
  await expect(other.locator('[data-testid="assistant-card"][data-name="Shared one"]')).toBeVisible();
  await expect(other.locator('[data-testid="assistant-card"][data-name="Private one"]')).toHaveCount(0);
  await expect(other.getByRole("link", { name: "Edit Shared one" })).toHaveCount(0);
  const patch = await other.request.patch(`/api/assistants/${sharedId}`, { data: { name: "Hijacked", instructions: "x" } });
  expect(patch.status()).toBe(403);
  await other.getByRole("link", { name: "Chat with Shared one" }).click();
  await other.getByRole("textbox", { name: "Message" }).fill("hello shared");
  await other.getByRole("button", { name: "Send" }).click();
  await expect(other.locator('[data-role="assistant"]').last()).toContainText("[G] Echo: hello shared");

  // Made private by its owner: the other user's conversation stays readable, with a note.
  const conversationUrl = other.url();
  await page.goto(`/assistants/${sharedId}/edit`);
  await page.getByLabel("Only me").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");
  await other.goto(conversationUrl);
  await expect(other.locator('[data-role="assistant"]').last()).toContainText("[G] Echo: hello shared");
  await expect(other.getByText("The assistant of this conversation is no longer available to you.")).toBeVisible();
  await expect(other.getByTestId("conversation-list")).toContainText("Assistant no longer available");
  await context.close();
});

test("restoring a version brings back the old instructions; export then import gives an identical assistant", async ({ page }) => {
  await newUser(page, "versions");
  const id = await createAssistant(page, { name: "Versioned", instructions: "First instructions", starters: ["Hello"] });
  await page.getByLabel("Instructions").fill("Second instructions");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");
  await expect(page.getByTestId("assistant-version")).toHaveCount(2);
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByTestId("assistant-version")).toHaveCount(3);
  await expect(page.getByLabel("Instructions")).toHaveValue("First instructions");

  const exported = await (await page.request.get(`/api/assistants/${id}/export`)).json();
  expect(exported.assistant).toMatchObject({ name: "Versioned", instructions: "First instructions", starters: ["Hello"] });
  const imported = await page.request.post("/api/assistants/import", { data: exported });
  expect(imported.status()).toBe(201);
  const importedId = (await imported.json()).assistant.id as string;
  const again = await (await page.request.get(`/api/assistants/${importedId}/export`)).json();
  expect(again).toEqual(exported);
});

test("the builder's preview chats with the unsaved settings and stores nothing", async ({ page }) => {
  await newUser(page, "preview");
  await createAssistant(page, { name: "Previewed", instructions: "Saved instructions" });
  await page.getByLabel("Instructions").fill("UNSAVED-PREVIEW-INSTRUCTIONS");
  const before = fake.requests.length;
  await page.getByLabel("Preview message").fill("try me");
  await page.getByRole("button", { name: "Try" }).click();
  const preview = page.getByTestId("assistant-preview");
  await expect(preview.locator('[data-preview-role="assistant"]')).toContainText("[G] Echo: try me");
  expect(systemTexts(before)).toContain("UNSAVED-PREVIEW-INSTRUCTIONS");
  // Nothing was saved: no new version, no conversation.
  await page.reload();
  await expect(page.getByLabel("Instructions")).toHaveValue("Saved instructions");
  await expect(page.getByTestId("assistant-version")).toHaveCount(1);
  expect((await (await page.request.get("/api/conversations")).json()).conversations).toHaveLength(0);
});
