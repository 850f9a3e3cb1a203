// Custom assistants: build one, chat with it (instructions go to the model from the server),
// starters, sharing rules, versions, export and import; tools and actions in the builder, action
// keys that never come back to the browser, and the admin's allow-list of private hosts.
import { expect, test, type Page, type Response } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser, signInAsAdmin } from "./support/accounts";
import { seedModel, withDatabase } from "./support/seed";

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
  await page.getByLabel("Instructions", { exact: true }).fill(options.instructions);
  for (const [index, starter] of (options.starters ?? []).entries()) {
    await page.getByRole("button", { name: "Add starter" }).click();
    await page.getByRole("textbox", { name: `Starter ${index + 1}`, exact: true }).fill(starter);
  }
  if (options.shared) await page.getByLabel("Everyone in the organisation").check();
  await page.getByRole("button", { name: "Create assistant" }).click();
  await expect(page).toHaveURL(/\/assistants\/[0-9a-f-]{36}\/edit$/);
  return page.url().split("/").at(-2) ?? "";
}

/** An OpenAPI document: a GET, a POST (asks first) and an operation without an operationId (left out). */
const PET_STORE = `openapi: 3.0.3
info:
  title: Pet store
  version: "1"
servers:
  - url: https://pets.example.com
paths:
  /pets:
    get:
      operationId: listPets
      summary: List pets
      responses:
        "200":
          description: OK
    post:
      operationId: createPet
      responses:
        "200":
          description: OK
  /pets/{id}:
    delete:
      parameters:
        - name: id
          in: path
          required: true
          schema:
            type: string
      responses:
        "200":
          description: OK
`;

/** Every text body the page receives (documents, RSC payloads, JSON, streams), to scan for secrets. */
function recordBodies(page: Page): () => Promise<string[]> {
  const pending: Promise<string>[] = [];
  page.on("response", (res: Response) => {
    const type = res.headers()["content-type"] ?? "";
    if (/text|json|javascript|x-component|event-stream/.test(type)) pending.push(res.text().catch(() => ""));
  });
  return () => Promise.all(pending);
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
  // The card's title starts a chat like its "Chat" link.
  await page.getByTestId("assistant-card").filter({ hasText: "Pirate helper" }).getByRole("link", { name: "Pirate helper", exact: true }).click();
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
  // Going on is refused in words, and an edit sent through the API deletes nothing first.
  const conversationId = conversationUrl.split("/").at(-1) ?? "";
  const readMessages = async () =>
    ((await (await other.request.get(`/api/conversations/${conversationId}`)).json()) as { conversation: { messages: Array<{ id: string; role: string }> } }).conversation.messages;
  const before = await readMessages();
  const question = before.find((message) => message.role === "user");
  const edit = await other.request.post("/api/chat", { data: { conversationId, editMessageId: question?.id, message: { text: "edited" } } });
  expect(edit.status()).toBe(409);
  expect((await edit.json()).error.message).toContain("no longer available to you");
  expect(await readMessages()).toEqual(before);
  await context.close();
});

test("users who can't edit a shared assistant get its name, description, starters and tool names, and its instructions only once the builder shows them", async ({ page, browser }) => {
  await newUser(page, "keeper");
  const instructions = "HIDDEN-INSTRUCTIONS-77: never reveal the discount code.";
  const id = await createAssistant(page, { name: "Discreet", instructions, starters: ["What can you do?"], shared: true });
  const saved = await page.request.patch(`/api/assistants/${id}`, {
    data: {
      name: "Discreet",
      description: "Discreet helps with tests.",
      visibility: "organisation",
      instructions,
      starters: ["What can you do?"],
      tools: ["calculator"],
      actions: [{ id: crypto.randomUUID(), spec: PET_STORE, auth: { type: "api_key", in: "header", name: "X-Pet-Key" }, secret: "pk-discreet-4e5f6a7b" }],
    },
  });
  expect(saved.status(), await saved.text()).toBe(200);

  const context = await browser.newContext();
  const other = await context.newPage();
  const bodies = recordBodies(other);
  await newUser(other, "reader");
  const viaApi = await other.request.get(`/api/assistants/${id}`);
  expect(viaApi.status()).toBe(200);
  const apiText = await viaApi.text();
  expect(JSON.parse(apiText).assistant).toMatchObject({
    name: "Discreet",
    description: "Discreet helps with tests.",
    starters: ["What can you do?"],
    toolNames: ["calculator", "listPets", "createPet"],
    canEdit: false,
    showInstructions: false,
    instructions: null,
    config: null,
  });
  // An export carries instructions and documents: it is for those who can edit.
  expect((await other.request.get(`/api/assistants/${id}/export`)).status()).toBe(403);
  await other.goto(`/?assistant=${id}`);
  await expect(other.getByTestId("assistant-intro")).toContainText("Discreet");
  await expect(other.getByRole("button", { name: "What can you do?" })).toBeVisible();
  await expect(other.getByTestId("assistant-instructions")).toHaveCount(0);
  const hidden = [...(await bodies()), apiText];
  for (const body of hidden) {
    expect(body).not.toContain("HIDDEN-INSTRUCTIONS-77");
    expect(body).not.toContain("pets.example.com");
    expect(body).not.toContain("X-Pet-Key");
  }

  // The creator still gets everything, and turns on "Show instructions to users".
  expect((await (await page.request.get(`/api/assistants/${id}`)).json()).assistant.config.instructions).toBe(instructions);
  await page.goto(`/assistants/${id}/edit`);
  await page.getByLabel("Show instructions to users").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 3 is current");

  const shown = await (await other.request.get(`/api/assistants/${id}`)).text();
  expect(JSON.parse(shown).assistant).toMatchObject({ showInstructions: true, instructions, config: null });
  expect(shown).not.toContain("pets.example.com");
  await other.goto(`/?assistant=${id}`);
  await other.getByTestId("assistant-instructions").getByText("Instructions", { exact: true }).click();
  await expect(other.getByTestId("assistant-instructions")).toContainText("HIDDEN-INSTRUCTIONS-77");
  await context.close();
});

test("restoring a version brings back the old instructions; export then import gives an identical assistant", async ({ page }) => {
  await newUser(page, "versions");
  const id = await createAssistant(page, { name: "Versioned", instructions: "First instructions", starters: ["Hello"] });
  await page.getByLabel("Instructions", { exact: true }).fill("Second instructions");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");
  await expect(page.getByTestId("assistant-version")).toHaveCount(2);
  await page.getByRole("button", { name: "Restore version 1" }).click();
  await expect(page.getByTestId("assistant-version")).toHaveCount(3);
  await expect(page.getByLabel("Instructions", { exact: true })).toHaveValue("First instructions");

  // A tool and an action (with a key) travel too; the key never does.
  const patched = await page.request.patch(`/api/assistants/${id}`, {
    data: {
      name: "Versioned",
      instructions: "First instructions",
      starters: ["Hello"],
      tools: ["calculator"],
      actions: [{ id: crypto.randomUUID(), spec: PET_STORE, auth: { type: "api_key", in: "header", name: "X-Pet-Key" }, secret: "pk-export-never-0d9e8f7a" }],
    },
  });
  expect(patched.status(), await patched.text()).toBe(200);
  const exportResponse = await page.request.get(`/api/assistants/${id}/export`);
  expect(await exportResponse.text()).not.toContain("pk-export-never");
  const exported = await exportResponse.json();
  expect(exported.assistant).toMatchObject({
    name: "Versioned",
    instructions: "First instructions",
    starters: ["Hello"],
    tools: ["calculator"],
    actions: [{ spec: PET_STORE, auth: { type: "api_key", in: "header", name: "X-Pet-Key" } }],
  });
  const imported = await page.request.post("/api/assistants/import", { data: exported });
  expect(imported.status()).toBe(201);
  const importedId = (await imported.json()).assistant.id as string;
  const again = await (await page.request.get(`/api/assistants/${importedId}/export`)).json();
  expect(again).toEqual(exported);
  const copy = (await (await page.request.get(`/api/assistants/${importedId}`)).json()).assistant;
  expect(copy.config.actions).toEqual([expect.objectContaining({ spec: PET_STORE, hasSecret: false })]);
});

test("a save from an editor opened before someone else's save is refused in words, and what was typed stays", async ({ page, context }) => {
  await newUser(page, "stale-editor");
  const id = await createAssistant(page, { name: "Edited twice", instructions: "Original instructions" });
  const second = await context.newPage();
  await second.goto(`/assistants/${id}/edit`);
  await second.getByLabel("Instructions", { exact: true }).fill("From the second tab");
  await second.getByRole("button", { name: "Save" }).click();
  await expect(second.getByTestId("assistant-current-version")).toContainText("Version 2 is current");

  await page.getByLabel("Instructions", { exact: true }).fill("From the first tab");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Someone saved this assistant since you opened it" })).toBeVisible();
  await expect(page.getByLabel("Instructions", { exact: true })).toHaveValue("From the first tab");
  await page.reload();
  await expect(page.getByLabel("Instructions", { exact: true })).toHaveValue("From the second tab");
  await expect(page.getByTestId("assistant-version")).toHaveCount(2);
});

test("the builder's preview chats with the unsaved settings and stores nothing", async ({ page }) => {
  await newUser(page, "preview");
  await createAssistant(page, { name: "Previewed", instructions: "Saved instructions" });
  await page.getByLabel("Instructions", { exact: true }).fill("UNSAVED-PREVIEW-INSTRUCTIONS");
  const before = fake.requests.length;
  await page.getByLabel("Preview message").fill("try me");
  await page.getByRole("button", { name: "Try" }).click();
  const preview = page.getByTestId("assistant-preview");
  await expect(preview.locator('[data-preview-role="assistant"]')).toContainText("[G] Echo: try me");
  expect(systemTexts(before)).toContain("UNSAVED-PREVIEW-INSTRUCTIONS");
  // Nothing was saved: no new version, no conversation.
  await page.reload();
  await expect(page.getByLabel("Instructions", { exact: true })).toHaveValue("Saved instructions");
  await expect(page.getByTestId("assistant-version")).toHaveCount(1);
  expect((await (await page.request.get("/api/conversations")).json()).conversations).toHaveLength(0);
});

test("enabling Calculator in the builder persists after reload, and a model that failed the tool check is flagged", async ({ page }) => {
  await newUser(page, "tools");
  const weak = await seedModel({ baseUrl: fake.url, endpointName: "No tools fake", modelName: "no-tools-model", makeDefault: false });
  await withDatabase((client) => client.query(`UPDATE "Model" SET "toolsOk" = false WHERE id = $1`, [weak.modelId]));
  try {
    await createAssistant(page, { name: "Counter", instructions: "Count things." });
    const calculator = page.getByRole("checkbox", { name: "Calculator", exact: true });
    await expect(calculator).not.toBeChecked();
    await calculator.check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");
    await page.reload();
    await expect(page.getByRole("checkbox", { name: "Calculator", exact: true })).toBeChecked();
    await expect(page.getByRole("checkbox", { name: "Fetch web page", exact: true })).not.toBeChecked();

    // The default model passed (or was never tested): no warning. The one that failed: a warning.
    await expect(page.getByTestId("tools-model-warning")).toHaveCount(0);
    await page.getByLabel("Model", { exact: true }).selectOption({ label: "no-tools-model (No tools fake)" });
    await expect(page.getByTestId("tools-model-warning")).toHaveText(
      "The model no-tools-model failed the tool-call check when its endpoint was last tested; tools may not work with it.",
    );
    // Without tools or actions, it does not matter.
    await page.getByRole("checkbox", { name: "Calculator", exact: true }).uncheck();
    await expect(page.getByTestId("tools-model-warning")).toHaveCount(0);
  } finally {
    await withDatabase((client) => client.query(`UPDATE "Model" SET enabled = false WHERE id = $1`, [weak.modelId]));
  }
});

test("a pasted OpenAPI document lists its operations and explains the one left out; a broken one or a tool name used twice blocks the save", async ({ page }) => {
  await newUser(page, "actions-builder");
  const id = await createAssistant(page, { name: "Pet clerk", instructions: "Help with pets." });
  await page.getByRole("button", { name: "Add action" }).click();
  const first = page.getByRole("group", { name: "Action 1" });
  await first.getByLabel("OpenAPI document").fill(PET_STORE);
  const operations = first.getByTestId("action-operations");
  await expect(operations).toContainText("“Pet store”: 2 operations will be available as tools.");
  await expect(operations.locator('[data-tool="listPets"]')).toContainText("GET /pets → tool listPets");
  await expect(operations.locator('[data-tool="listPets"]')).not.toContainText("asks the user first");
  await expect(operations.locator('[data-tool="createPet"]')).toContainText("POST /pets → tool createPet · asks the user first");
  await expect(first.getByTestId("action-rejected")).toHaveText("DELETE /pets/{id}: It has no operationId; add one to expose it as an action.");

  // A document that does not parse: its sentence is shown and the save is refused before it is sent.
  await first.getByLabel("OpenAPI document").fill("openapi: 3.0.3\ninfo: [unclosed");
  await first.getByRole("button", { name: "Check document" }).click();
  await expect(first.getByTestId("action-document-error")).toContainText("The document is neither valid JSON nor valid YAML");
  let saves = 0;
  page.on("request", (req) => {
    if (req.method() === "PATCH" && req.url().endsWith(`/api/assistants/${id}`)) saves += 1;
  });
  await page.getByRole("button", { name: "Save" }).click();
  await expect(first.getByText(/^Action 1: The document is neither valid JSON nor valid YAML/)).toBeVisible();
  expect(saves).toBe(0);

  // Two actions offering the same tool name: refused in the builder and by the server.
  await first.getByLabel("OpenAPI document").fill(PET_STORE);
  await expect(operations).toContainText("2 operations");
  await page.getByRole("button", { name: "Add action" }).click();
  const second = page.getByRole("group", { name: "Action 2" });
  await second.getByLabel("OpenAPI document").fill(PET_STORE.replace("https://pets.example.com", "https://pets2.example.com"));
  await expect(second.getByTestId("action-operations")).toContainText("2 operations");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(second.getByText('Action 2: the tool name "listPets" (GET /pets) is already used by action 1 (GET /pets).', { exact: false })).toBeVisible();
  expect(saves).toBe(0);
  const twice = await page.request.patch(`/api/assistants/${id}`, {
    data: { name: "Pet clerk", actions: [{ id: crypto.randomUUID(), spec: PET_STORE }, { id: crypto.randomUUID(), spec: PET_STORE }] },
  });
  expect(twice.status()).toBe(422);
  expect((await twice.json()).error.message).toContain('the tool name "listPets"');

  // One action: saved, and listed again after a reload.
  await second.getByRole("button", { name: "Remove action" }).click();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");
  // The page comes with what the server found in the saved document: opening it uploads nothing.
  let parses = 0;
  page.on("request", (req) => {
    if (req.url().endsWith("/api/assistants/actions/parse")) parses += 1;
  });
  await page.reload();
  await expect(page.getByRole("group", { name: "Action 1" }).getByTestId("action-operations").locator('[data-tool="createPet"]')).toBeVisible();
  await expect(page.getByRole("group", { name: "Action 2" })).toHaveCount(0);
  await page.waitForTimeout(1500); // past the builder's 700 ms check delay
  expect(parses).toBe(0);
  // A changed document is still checked.
  await page.getByRole("group", { name: "Action 1" }).getByLabel("OpenAPI document").fill(PET_STORE.replace("title: Pet store", "title: Pet shop"));
  await expect(page.getByRole("group", { name: "Action 1" }).getByTestId("action-operations")).toContainText("“Pet shop”: 2 operations");
  expect(parses).toBe(1);
});

test("an action's stored API key is kept when left blank, removed on request, not brought back by a restore, and never appears in anything the browser receives", async ({ page }) => {
  const secret = "pk-e2e-action-key-5a1c9e3b7d2f";
  const bodies = recordBodies(page);
  await newUser(page, "action-key");
  const id = await createAssistant(page, { name: "Keyed clerk", instructions: "Help with pets." });
  await page.getByRole("button", { name: "Add action" }).click();
  const action = page.getByRole("group", { name: "Action 1" });
  await action.getByLabel("OpenAPI document").fill(PET_STORE);
  await action.getByLabel("Authentication").selectOption({ label: "API key in a header" });
  await action.getByLabel("Header name").fill("X-Pet-Key");
  await action.getByLabel("API key or token").fill(secret);
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 2 is current");

  await page.reload();
  const reloaded = page.getByRole("group", { name: "Action 1" });
  await expect(reloaded.getByLabel("API key or token")).toHaveValue("");
  await expect(reloaded.getByText("A key is stored. Leave blank to keep the stored key.")).toBeVisible();
  await expect(reloaded.getByLabel("Header name")).toHaveValue("X-Pet-Key");
  // Saved again with the field blank: still stored.
  await page.getByLabel("Instructions", { exact: true }).fill("Help with pets, politely.");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 3 is current");
  const viaApi = await page.request.get(`/api/assistants/${id}`);
  const apiText = await viaApi.text();
  expect((JSON.parse(apiText) as { assistant: { config: { actions: Array<{ hasSecret: boolean }> } } }).assistant.config.actions[0]?.hasSecret).toBe(true);
  const exportText = await (await page.request.get(`/api/assistants/${id}/export`)).text();
  const versionsText = await (await page.request.get(`/api/assistants/${id}/versions`)).text();

  // Removed on request.
  await page.getByRole("group", { name: "Action 1" }).getByLabel("Remove the stored key").check();
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 4 is current");
  await expect(page.getByRole("group", { name: "Action 1" }).getByText("Stored encrypted; it is never shown again.", { exact: false })).toBeVisible();
  // Restoring version 3 (saved with the key) does not bring the removed key back.
  await page.getByRole("button", { name: "Restore version 3" }).click();
  await expect(page.getByTestId("assistant-current-version")).toContainText("Version 5 is current");
  await expect(page.getByRole("group", { name: "Action 1" }).getByText("Stored encrypted; it is never shown again.", { exact: false })).toBeVisible();
  await expect(page.getByRole("group", { name: "Action 1" }).getByText("A key is stored.", { exact: false })).toHaveCount(0);

  const seen = [...(await bodies()), apiText, exportText, versionsText];
  expect(seen.length).toBeGreaterThan(5);
  for (const body of seen) {
    expect(body).not.toContain(secret);
    expect(body).not.toContain(secret.slice(-8));
    // Nor its ciphertext (lib/secrets.ts writes "v1.<iv>.<tag>.<ciphertext>").
    expect(body).not.toMatch(/v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}\./);
  }
});

test("an admin saves the private hosts actions may reach, normalised and shown after a reload; a non-admin gets 403", async ({ page, browser }) => {
  await signInAsAdmin(page);
  const before = (await (await page.request.get("/api/admin/settings")).json()) as { actionPrivateHosts: string[] };
  try {
    await page.goto("/admin/settings");
    const hosts = page.getByLabel("Private hosts allowed for actions");
    await expect(page.getByText("Every other private, loopback, link-local and cloud metadata address stays refused.", { exact: false })).toBeVisible();
    await hosts.fill("http://wiki.internal/");
    await page.getByRole("button", { name: "Save private hosts" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "without http://" })).toBeVisible();

    await hosts.fill("Wiki.Internal:8080\n\n10.0.0.5\n[FD00::5]:443");
    await page.getByRole("button", { name: "Save private hosts" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Saved." })).toBeVisible();
    await expect(hosts).toHaveValue("wiki.internal:8080\n10.0.0.5\n[fd00::5]:443");
    await page.reload();
    await expect(page.getByLabel("Private hosts allowed for actions")).toHaveValue("wiki.internal:8080\n10.0.0.5\n[fd00::5]:443");
    await page.goto("/admin/audit");
    await expect(page.locator('[data-testid="audit-entry"][data-action="settings.private_hosts"]').first()).toContainText(
      "Changed the private hosts actions may reach to: wiki.internal:8080, 10.0.0.5, [fd00::5]:443",
    );

    const context = await browser.newContext();
    const other = await context.newPage();
    await newUser(other, "not-admin");
    expect((await other.request.get("/api/admin/settings")).status()).toBe(403);
    expect((await other.request.patch("/api/admin/settings", { data: { actionPrivateHosts: ["evil.internal"] } })).status()).toBe(403);
    expect((await other.goto("/admin/settings"))?.status()).toBe(403);
    await context.close();
    expect(((await (await page.request.get("/api/admin/settings")).json()) as { actionPrivateHosts: string[] }).actionPrivateHosts).toEqual([
      "wiki.internal:8080",
      "10.0.0.5",
      "[fd00::5]:443",
    ]);
  } finally {
    await page.request.patch("/api/admin/settings", { data: { actionPrivateHosts: before.actionPrivateHosts } });
  }
});

test("an uploaded image avatar is checked (type, bytes, size), then served by URL to those who may see the assistant", async ({ page, browser }) => {
  // A 1×1 PNG.
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=", "base64");
  await newUser(page, "avatar");
  await page.goto("/assistants/new");
  const image = page.getByLabel("Or an image");
  // A real button opens the file picker (the raw file input is not what people see).
  await expect(page.getByRole("button", { name: "Choose image…" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Remove image" })).toHaveCount(0);
  await image.setInputFiles({ name: "notes.png", mimeType: "image/png", buffer: Buffer.from("this is not a picture at all") });
  await expect(page.getByRole("alert").filter({ hasText: "That file is not the image it says it is." })).toBeVisible();
  await image.setInputFiles({ name: "huge.png", mimeType: "image/png", buffer: Buffer.concat([png, Buffer.alloc(300 * 1024)]) });
  await expect(page.getByRole("alert").filter({ hasText: "Images are at most 256 KB." })).toBeVisible();
  await image.setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("alert").filter({ hasText: /image|KB/ })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Change image…" })).toBeVisible();
  // Removing it goes back to the emoji; choosing it again keeps it.
  await page.getByRole("button", { name: "Remove image" }).click();
  await expect(page.getByLabel("Emoji")).toHaveValue("🤖");
  await image.setInputFiles({ name: "dot.png", mimeType: "image/png", buffer: png });
  await expect(page.getByRole("button", { name: "Remove image" })).toBeVisible();
  await page.getByLabel("Name").fill("Pictured");
  await page.getByLabel("Instructions", { exact: true }).fill("Smile.");
  await page.getByRole("button", { name: "Create assistant" }).click();
  await expect(page).toHaveURL(/\/assistants\/[0-9a-f-]{36}\/edit$/);
  const id = page.url().split("/").at(-2) ?? "";

  // Lists carry a short URL of the app's own, not the image.
  const list = await (await page.request.get("/api/assistants?scope=mine")).text();
  expect(list).not.toContain("data:image");
  await page.goto("/assistants");
  const img = page.locator('[data-testid="assistant-card"][data-name="Pictured"] img');
  await expect(img).toHaveAttribute("src", new RegExp(`^/api/assistants/${id}/avatar\\?v=`));
  await expect.poll(() => img.evaluate((element: HTMLImageElement) => element.naturalWidth)).toBe(1);
  const src = (await img.getAttribute("src")) ?? "";
  const served = await page.request.get(src);
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect(served.headers()["x-content-type-options"]).toBe("nosniff");
  expect(Buffer.compare(await served.body(), png)).toBe(0);

  // A private assistant's image is nobody else's to see.
  const context = await browser.newContext();
  const other = await context.newPage();
  await newUser(other, "avatar-other");
  expect((await other.request.get(src)).status()).toBe(404);
  await context.close();

  // The API checks the bytes too.
  const forged = await page.request.post("/api/assistants", {
    data: { name: "Forged", avatar: { type: "image", value: `data:image/png;base64,${Buffer.from("<svg onload=alert(1)>").toString("base64")}` } },
  });
  expect(forged.status()).toBe(422);
  expect((await forged.json()).error.message).toContain("not the image it says it is");
});
