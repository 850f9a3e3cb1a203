// Several app instances on one database: a second `next start` of the same build beside the suite's
// web server. One turn at a time per conversation holds across instances, an approved action runs
// once however often it is approved, and (one instance) what streamed is what was saved after a
// malformed chunk from the model.
import { expect, test, type APIRequestContext, type APIResponse, type Page } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser } from "./support/accounts";
import { petStoreDocument, startActionServer, type ActionServer } from "./support/action-server";
import { startAppInstance, type AppInstance } from "./support/app-instance";
import { seedModel, storedMessages, withDatabase } from "./support/seed";

const BUSY = "An answer is still being written in this conversation. Wait for it, or press Stop.";

let fake: FakeLlm;
let api: ActionServer;
let second: AppInstance;
let previousAllowList: unknown = null;

// A second `next start` and several racing turns take longer than one page's test.
test.describe.configure({ timeout: 120_000 });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(120_000);
  fake = await startFakeLlm({ replyPrefix: "[I]" });
  api = await startActionServer();
  await seedModel({ baseUrl: fake.url, endpointName: "Instances fake", modelName: "gpt-instances" });
  await withDatabase(async (client) => {
    const row = await client.query<{ value: unknown }>(`SELECT value FROM "Setting" WHERE key = 'actionPrivateHosts'`);
    previousAllowList = row.rows[0]?.value ?? null;
    await client.query(
      `INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('actionPrivateHosts', $1::jsonb, now())
       ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, "updatedAt" = now()`,
      [JSON.stringify([`127.0.0.1:${api.port}`])],
    );
  });
  second = await startAppInstance({ appUrl: baseURL ?? "" });
});

test.afterAll(async () => {
  await withDatabase((client) =>
    previousAllowList === null
      ? client.query(`DELETE FROM "Setting" WHERE key = 'actionPrivateHosts'`)
      : client.query(`UPDATE "Setting" SET value = $1::jsonb WHERE key = 'actionPrivateHosts'`, [JSON.stringify(previousAllowList)]),
  );
  await Promise.all([second?.close(), fake.close(), api.close()]);
});


/** Posts a turn and reads its whole answer; returns the response. */
function postTurn(request: APIRequestContext, base: string, body: Record<string, unknown>): Promise<APIResponse> {
  return request.post(`${base}/api/chat`, { data: body });
}

async function firstTurn(page: Page, body: Record<string, unknown>): Promise<string> {
  const res = await postTurn(page.request, "", body);
  expect(res.status(), await res.text()).toBe(200);
  return res.headers()["x-conversation-id"] ?? "";
}

/** One of the two answered 200 and ran the turn; the other was refused with a 409 and the sentence. */
async function expectOneRanOneRefused(responses: APIResponse[], refusal: string) {
  const statuses = responses.map((res) => res.status()).sort();
  expect(statuses).toEqual([200, 409]);
  const refused = responses.find((res) => res.status() === 409);
  expect(await refused?.json()).toEqual({ error: { code: "conflict", message: refusal } });
}

test("two instances racing one conversation: exactly one turn runs, the other is refused in words", async ({ page, baseURL }) => {
  await newUser(page, "race");
  const conversationId = await firstTurn(page, { message: { text: "hello" } });
  const turnsRun = () => fake.requests.filter((req) => JSON.stringify(req.body).includes("[[stall]] round")).length;

  const rounds = 3;
  for (let round = 1; round <= rounds; round += 1) {
    // The answer stalls until stopped, so the two requests overlap however loaded the machine is.
    const body = { conversationId, message: { text: `[[stall]] round ${round}` } };
    const settled: APIResponse[] = [];
    const both = Promise.all([postTurn(page.request, baseURL ?? "", body), postTurn(page.request, second.url, body)].map((sent) => sent.then((res) => (settled.push(res), res))));
    // One is refused at once; the other runs (and stalls) until Stop, sent to the first instance.
    await expect.poll(() => settled.length, { timeout: 60_000 }).toBe(1);
    expect(settled[0]?.status()).toBe(409);
    // Stop only once the running turn reached the model: on a loaded machine the refusal can come
    // back before the winner has sent its request, and an earlier Stop would cancel it unsent.
    await expect.poll(turnsRun, { timeout: 30_000 }).toBe(round);
    const stop = await page.request.post(`/api/chat/${conversationId}/stop`);
    expect(await stop.json()).toEqual({ stopped: true });
    await expectOneRanOneRefused(await both, BUSY);
  }

  expect(turnsRun()).toBe(rounds);
  const stored = await storedMessages(conversationId);
  expect(stored.map((row) => [row.role, row.status])).toEqual([
    ["user", "complete"],
    ["assistant", "complete"],
    ...Array.from({ length: rounds }, () => [["user", "complete"], ["assistant", "stopped"]]).flat(),
  ]);
});

test("an approved action runs once, even when the approval reaches both instances at once", async ({ page, baseURL }) => {
  await newUser(page, "approve-once");
  const created = await page.request.post("/api/assistants", {
    data: { name: "Pet clerk", description: "", instructions: "", starters: [], actions: [{ id: crypto.randomUUID(), spec: petStoreDocument(api.url), auth: { type: "none" } }] },
  });
  expect(created.status(), await created.text()).toBe(201);
  const { assistant } = (await created.json()) as { assistant: { id: string } };

  let conversationId: string | null = null;
  for (let round = 1; round <= 3; round += 1) {
    const ask = { message: { text: `Add pet ${round} [[tool:createPet {"body":{"name":"Pet ${round}","kind":"dog"}}]]` } };
    if (conversationId) {
      const res = await postTurn(page.request, "", { conversationId, ...ask });
      expect(res.status(), await res.text()).toBe(200);
    } else conversationId = await firstTurn(page, { assistantId: assistant.id, ...ask });

    const conversation = (await (await page.request.get(`/api/conversations/${conversationId}`)).json()) as {
      conversation: { messages: Array<{ role: string; parts: Array<{ type: string; state?: string; approval?: { id: string } }> }> };
    };
    const asked = conversation.conversation.messages.at(-1)?.parts.find((part) => part.type === "tool-createPet" && part.state === "approval-requested");
    expect(asked?.approval?.id).toBeTruthy();

    const posts = api.requests.filter((req) => req.method === "POST").length;
    const approve = { conversationId, approvals: [{ id: asked?.approval?.id, approved: true }] };
    const responses = await Promise.all([postTurn(page.request, baseURL ?? "", approve), postTurn(page.request, second.url, approve)]);
    const statuses = responses.map((res) => res.status()).sort();
    expect(statuses).toEqual([200, 409]);
    const refused = (await responses.find((res) => res.status() === 409)?.json()) as { error: { code: string; message: string } };
    expect(refused.error.code).toBe("conflict");
    // Refused as busy or with nothing left to approve (the other is running it), or as no longer open (the other ran it).
    expect([
      BUSY,
      "There is no tool call waiting for your approval in this conversation. Reload it to see where it stands.",
      "That approval request is no longer open. Reload the conversation.",
    ]).toContain(refused.error.message);
    expect(api.requests.filter((req) => req.method === "POST").length - posts).toBe(1);
  }
});

test("after a malformed chunk from the model, the answer saved is the answer shown", async ({ page }) => {
  await newUser(page, "malformed");
  await page.goto("/");
  const box = page.getByRole("textbox", { name: "Message" });
  await box.fill("[[malformed]] [[words:8]]");
  await box.press("Enter");
  const answer = page.locator('[data-role="assistant"]').last();
  await expect(answer).toContainText("w1");
  await expect(page.getByRole("button", { name: "Send" })).toBeVisible({ timeout: 15_000 });
  await expect(page).toHaveURL(/\/c\/[0-9a-f-]{36}$/);
  const id = page.url().split("/").at(-1) ?? "";

  const shown = await answer.textContent();
  expect(shown).not.toContain("w2");
  await expect.poll(async () => (await storedMessages(id)).at(-1)?.status).toBe("error");
  const saved = (await storedMessages(id)).at(-1);
  expect(saved?.text.trim()).toBe("w1");
  await page.reload();
  await expect(page.locator('[data-role="assistant"]').last()).toContainText("w1");
  await expect(page.locator('[data-role="assistant"]').last()).not.toContainText("w2");
});
