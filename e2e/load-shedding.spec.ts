// Load shedding: an instance at its cap of running answers (MAX_RUNNING_TURNS, here 1 on a second
// `next start` of the build) refuses a new turn at once with a 503, Retry-After and a sentence, from
// the browser chat and the API alike, reports itself not ready meanwhile, and takes turns again as
// soon as the running answer ends. The running answer is never cut.
import { randomUUID } from "node:crypto";
import OpenAI from "openai";
import { expect, test } from "./support/test";
import { startFakeLlm, type FakeLlm } from "./fake-llm/server";
import { newUser, seedUser, uniqueEmail } from "./support/accounts";
import { seedApiKey } from "./support/api-keys";
import { startAppInstance, type AppInstance } from "./support/app-instance";
import { seedModel, userIdByEmail, type SeededModel } from "./support/seed";

const BUSY = "This Switchboard is answering as many messages as it can right now. Wait a moment and send it again; nothing was lost.";

let fake: FakeLlm;
let model: SeededModel;
let capped: AppInstance;

test.describe.configure({ timeout: 120_000 });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  fake = await startFakeLlm({ replyPrefix: "[L]" });
  model = await seedModel({ baseUrl: fake.url, endpointName: `Shedding fake ${randomUUID().slice(0, 6)}`, modelName: `shed-${randomUUID().slice(0, 6)}`, makeDefault: false });
  capped = await startAppInstance({ env: { MAX_RUNNING_TURNS: "1" } });
});

test.afterAll(async () => {
  await Promise.all([capped?.close(), fake.close()]);
});

test("at its cap an instance refuses new turns with a 503 and a sentence, is not ready, and takes turns again once the answer ends", async ({ page }) => {
  const email = uniqueEmail("shed");
  await seedUser(email);
  const { key } = await seedApiKey(await userIdByEmail(email));
  const api = new OpenAI({ apiKey: key, baseURL: `${capped.url}/api/v1`, maxRetries: 0, timeout: 30_000 });

  // One answer that stalls after its first words holds the only place.
  const holder = new AbortController();
  const stream = await api.chat.completions.create(
    { model: model.modelName, messages: [{ role: "user", content: "[[stall:2]] [[words:10]]" }], stream: true },
    { signal: holder.signal },
  );
  const reader = stream[Symbol.asyncIterator]();
  await reader.next();

  const refused = await api.chat.completions.create({ model: model.modelName, messages: [{ role: "user", content: "hello" }] }).catch((error: unknown) => error);
  expect(refused).toBeInstanceOf(OpenAI.APIError);
  expect((refused as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
  expect((refused as InstanceType<typeof OpenAI.APIError>).headers?.get("retry-after")).toBe("2");
  expect((refused as Error).message).toContain(BUSY);

  // The browser chat on the same instance is refused the same way, before anything is stored.
  await newUser(page, "shed-browser");
  const turn = await page.request.post(`${capped.url}/api/chat`, { data: { message: { text: "hi there" }, modelId: model.modelId } });
  expect(turn.status()).toBe(503);
  expect(turn.headers()["retry-after"]).toBe("2");
  expect(await turn.json()).toEqual({ error: { code: "unavailable", message: BUSY } });

  const ready = await fetch(`${capped.url}/api/health/ready`);
  expect(ready.status).toBe(503);
  expect(await ready.json()).toMatchObject({ reason: "saturated" });

  // The held answer ends (its client goes away): the instance is ready and answers again.
  holder.abort();
  await expect.poll(async () => (await fetch(`${capped.url}/api/health/ready`)).status, { timeout: 20_000 }).toBe(200);
  const answer = await api.chat.completions.create({ model: model.modelName, messages: [{ role: "user", content: "after the wait" }] });
  expect(answer.choices[0]?.message.content).toBe("[L] Echo: after the wait");
});
