// Assistant tools in the chat: built-in tools round-trip through the model, OpenAPI actions call a
// local test API (GET runs, anything else asks first), and the fetch tool refuses local addresses in
// every spelling, those allow-listed for actions included. Every server here listens on 127.0.0.1;
// refused addresses are never connected to.
import { expect, test, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { petStoreDocument, startActionServer, type ActionServer } from "./support/action-server";
import { seedModel, withDatabase } from "./support/seed";

let fake: FakeLlm;
let api: ActionServer;
/** A server no tool may reach: it is not allow-listed, so it must never see a request. */
let forbidden: ActionServer;
let previousAllowList: unknown = null;

test.beforeAll(async () => {
  fake = await startFakeLlm({ replyPrefix: "[T]" });
  api = await startActionServer();
  forbidden = await startActionServer();
  await seedModel({ baseUrl: fake.url, endpointName: "Tools fake", modelName: "gpt-tools" });
  // The admin allow-list (its UI is covered in assistants.spec.ts): only the test API's host:port.
  await withDatabase(async (client) => {
    const row = await client.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'actionPrivateHosts'`);
    previousAllowList = row.rows[0]?.value ?? null;
    await client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('actionPrivateHosts', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify([`127.0.0.1:${api.port}`])],
    );
  });
});

test.afterAll(async () => {
  await withDatabase((client) =>
    previousAllowList === null
      ? client.query(`DELETE FROM "Setting" WHERE key = 'actionPrivateHosts'`)
      : client.query(`UPDATE "Setting" SET value = $1::jsonb WHERE key = 'actionPrivateHosts'`, [JSON.stringify(previousAllowList)]),
  );
  await Promise.all([fake.close(), api.close(), forbidden.close()]);
});

async function createAssistant(page: Page, body: Record<string, unknown>): Promise<string> {
  const res = await page.request.post("/api/assistants", { data: { description: "", instructions: "", starters: [], ...body } });
  expect(res.status(), await res.text()).toBe(201);
  const json = (await res.json()) as { assistant: { id: string } };
  return json.assistant.id;
}

async function ask(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Message" }).fill(text);
  await page.getByRole("button", { name: "Send" }).click();
}

const lastAnswer = (page: Page) => page.locator('[data-role="assistant"]').last();
const card = (page: Page, tool: string) => lastAnswer(page).locator(`[data-testid="tool-card"][data-tool="${tool}"]`);

/** Opens a collapsed tool card. */
async function expand(page: Page, tool: string) {
  const toggle = card(page, tool).getByRole("button", { name: new RegExp(tool) });
  if ((await toggle.getAttribute("aria-expanded")) !== "true") await toggle.click();
}

/** The tool messages the app sent back to the model since `since`. */
function toolResultsSent(since: number): string {
  return fake.requests
    .slice(since)
    .flatMap((req) => ((req.body as { messages?: Array<{ role: string; content: unknown }> }).messages ?? []).filter((m) => m.role === "tool"))
    .map((m) => JSON.stringify(m.content))
    .join("\n");
}

test("calculator and time tools round-trip: the card shows arguments and result, also after a reload", async ({ page }) => {
  await newUser(page, "tools");
  const id = await createAssistant(page, { name: "Maths helper", tools: ["calculator", "current_time"], avatar: { type: "emoji", value: "🧮" } });
  await page.goto(`/?assistant=${id}`);

  const before = fake.requests.length;
  await ask(page, 'What is 6*7? [[tool:calculator {"expression":"6*7"}]]');
  await expect(card(page, "calculator")).toHaveAttribute("data-state", "output-available");
  await expect(lastAnswer(page)).toContainText("[T] Tool result:");
  await expect(lastAnswer(page).getByTestId("message-speaker")).toContainText("Maths helper");
  await expand(page, "calculator");
  await expect(card(page, "calculator").getByTestId("tool-input")).toContainText('"expression": "6*7"');
  await expect(card(page, "calculator").getByTestId("tool-output")).toContainText('"result": 42');
  // The result went back to the model, and the model's final answer carries it.
  expect(toolResultsSent(before)).toContain("42");
  await expect(lastAnswer(page)).toContainText("42");

  await ask(page, 'And the time in Paris? [[tool:current_time {"timeZone":"Europe/Paris"}]]');
  await expect(card(page, "current_time")).toHaveAttribute("data-state", "output-available");
  await expect(lastAnswer(page)).toContainText("Europe/Paris");

  await page.reload();
  const first = page.locator('[data-role="assistant"]').first();
  const stored = first.locator('[data-testid="tool-card"][data-tool="calculator"]');
  await expect(stored).toHaveAttribute("data-state", "output-available");
  await stored.getByRole("button", { name: /calculator/ }).click();
  await expect(stored.getByTestId("tool-input")).toContainText('"expression": "6*7"');
  await expect(stored.getByTestId("tool-output")).toContainText('"result": 42');
  await expect(card(page, "current_time").getByTestId("tool-state")).toHaveText("Done");

  // History rebuilt from the database sends the stored calls with their results.
  const again = fake.requests.length;
  await ask(page, "thanks");
  await expect(lastAnswer(page)).toContainText("[T] Echo: thanks");
  const sent = JSON.stringify(fake.requests.slice(again).at(-1)?.body);
  expect(sent).toContain('"tool_calls"');
  expect(sent).toContain("6*7");

  // A crash mid-call leaves a call saved without its result: it shows as unfinished, and the next
  // request still works because the history is repaired (the model is told the call did not finish).
  const conversationId = page.url().split("/").at(-1) ?? "";
  await withDatabase((client) =>
    client.query(
      `UPDATE "Message" SET status = 'interrupted', parts = $2::jsonb
       WHERE id = (SELECT id FROM "Message" WHERE "conversationId" = $1 AND role = 'assistant' ORDER BY "createdAt" DESC LIMIT 1)`,
      [conversationId, JSON.stringify([{ type: "step-start" }, { type: "tool-calculator", toolCallId: "call_crashed", state: "input-available", input: { expression: "1+1" } }])],
    ),
  );
  await page.reload();
  await expect(card(page, "calculator").getByTestId("tool-state")).toHaveText("Did not finish");
  const repaired = fake.requests.length;
  await ask(page, "still there?");
  await expect(lastAnswer(page)).toContainText("[T] Echo: still there?");
  expect(toolResultsSent(repaired)).toContain("did not finish");
});

test("an OpenAPI action: GET runs at once; POST asks first, Approve runs it, Deny does not and the model is told", async ({ page }) => {
  await newUser(page, "actions");
  const id = await createAssistant(page, {
    name: "Pet clerk",
    actions: [{ id: crypto.randomUUID(), spec: petStoreDocument(api.url), auth: { type: "none" } }],
  });
  await page.goto(`/?assistant=${id}`);

  // GET: no question asked.
  await ask(page, 'Which pets? [[tool:listPets {"query":{"kind":"dog"}}]]');
  await expect(card(page, "listPets")).toHaveAttribute("data-state", "output-available");
  await expect(lastAnswer(page)).toContainText("Biscuit");
  expect(api.requests.some((req) => req.method === "GET" && req.path === "/pets?kind=dog")).toBe(true);

  // POST: waits for the user; nothing reaches the API until Approve, even across a reload.
  await ask(page, 'Add Rex [[tool:createPet {"body":{"name":"Rex","kind":"dog"}}]]');
  await expect(card(page, "createPet")).toHaveAttribute("data-state", "approval-requested");
  await expect(card(page, "createPet").getByTestId("tool-input")).toContainText('"name": "Rex"');
  expect(api.requests.some((req) => req.method === "POST")).toBe(false);
  await page.reload();
  await expect(card(page, "createPet").getByTestId("tool-state")).toHaveText("Needs your approval");
  await card(page, "createPet").getByRole("button", { name: "Approve" }).click();
  await expect(card(page, "createPet")).toHaveAttribute("data-state", "output-available");
  await expect(lastAnswer(page)).toContainText("[T] Tool result:");
  await expect(lastAnswer(page)).toContainText("Rex");
  const posts = api.requests.filter((req) => req.method === "POST");
  expect(posts).toHaveLength(1);
  expect(JSON.parse(posts[0]?.body ?? "{}")).toEqual({ name: "Rex", kind: "dog" });
  await page.reload();
  await expect(card(page, "createPet")).toHaveAttribute("data-state", "output-available");

  // Deny: the API is not called and the model is told.
  const before = fake.requests.length;
  await ask(page, 'Add Tom [[tool:createPet {"body":{"name":"Tom"}}]]');
  await card(page, "createPet").getByRole("button", { name: "Deny" }).click();
  await expect(card(page, "createPet")).toHaveAttribute("data-state", "output-denied");
  await expect(lastAnswer(page)).toContainText("[T] Tool result: The user denied this call.");
  expect(api.requests.filter((req) => req.method === "POST")).toHaveLength(1);
  expect(toolResultsSent(before)).toContain("The user denied this call.");
  await page.reload();
  await expect(card(page, "createPet").getByTestId("tool-state")).toHaveText("Denied");
});

test("the fetch tool refuses loopback in every spelling, the admin's allow-listed hosts included, with a clear message", async ({ page }) => {
  await newUser(page, "fetcher");
  const id = await createAssistant(page, { name: "Reader", tools: ["fetch_page"] });
  await page.goto(`/?assistant=${id}`);

  // The host allow-listed for actions is not for fetch_page: a page it read could steer the model there.
  await ask(page, `Read [[tool:fetch_page {"url":"${api.url}/page"}]]`);
  await expect(card(page, "fetch_page")).toHaveAttribute("data-state", "output-error");
  await expect(card(page, "fetch_page").getByTestId("tool-error")).toContainText(/Refused to connect to .*loopback addresses are not allowed/);
  await expect(lastAnswer(page)).toContainText("[T] Tool result:");

  // ...nor is anything else on this machine, however it is written.
  const port = forbidden.port;
  for (const url of [`http://127.0.0.1:${port}/`, `http://[::1]:${port}/`, `http://[::ffff:127.0.0.1]:${port}/`, `http://2130706433:${port}/`]) {
    await ask(page, `Read [[tool:fetch_page {"url":"${url}"}]]`);
    await expect(card(page, "fetch_page")).toHaveAttribute("data-state", "output-error");
    await expect(card(page, "fetch_page").getByTestId("tool-error")).toContainText(/Refused to connect to .*loopback addresses are not allowed/);
    await expect(lastAnswer(page)).toContainText("[T] Tool result:");
  }
  expect(api.requests.filter((req) => req.path === "/page")).toHaveLength(0);
  expect(forbidden.requests).toHaveLength(0);

  await page.reload();
  await expect(card(page, "fetch_page").getByTestId("tool-error")).toContainText("loopback addresses are not allowed");
});
