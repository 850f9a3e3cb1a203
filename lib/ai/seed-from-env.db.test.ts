// Database test (npm test provides TEST_DATABASE_URL): the first start with OPENAI_COMPATIBLE_BASE_URL
// creates a working endpoint with a default model, once; an admin's later change is never overwritten.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeLlm, type FakeLlm } from "@/e2e/fake-llm/server";

const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
if (!url) throw new Error("Set TEST_DATABASE_URL (npm test does) to run database tests.");

let fake: FakeLlm;

beforeAll(async () => {
  fake = await startFakeLlm({ models: ["zeta-model", "alpha-model"] });
  process.env.DATABASE_URL = url;
  process.env.AUTH_SECRET ??= "x".repeat(40);
  process.env.SECRETS_KEY ??= Buffer.alloc(32, 5).toString("base64");
  process.env.OPENAI_COMPATIBLE_BASE_URL = fake.url;
  process.env.OPENAI_COMPATIBLE_API_KEY = "local-key-123456";
});

afterAll(async () => {
  await fake.close();
  const { db } = await import("@/lib/db/client");
  await db.$disconnect();
});

describe("seedEndpointsFromEnv", () => {
  it("creates the endpoint with the first listed model as default, once, and keeps an admin's edits", async () => {
    const { db } = await import("@/lib/db/client");
    const { seedEndpointsFromEnv } = await import("@/lib/ai/seed-from-env");
    const { resolveModel } = await import("@/lib/ai/models");
    await db.setting.deleteMany({ where: { key: { in: ["seededEnvSources", "defaultModelId"] } } });
    await db.endpoint.deleteMany({ where: { origin: "env" } });
    const logs: string[] = [];

    await seedEndpointsFromEnv((line) => logs.push(line));
    const endpoints = await db.endpoint.findMany({ where: { origin: "env" }, include: { models: true } });
    expect(endpoints).toHaveLength(1);
    const endpoint = endpoints[0]!;
    expect(endpoint.baseUrl).toBe(fake.url);
    expect(endpoint.apiKeyCiphertext).not.toContain("local-key");
    expect(endpoint.models.map((model) => [model.name, model.enabled])).toEqual(
      expect.arrayContaining([
        ["alpha-model", true],
        ["zeta-model", false],
      ]),
    );
    expect((await resolveModel(null))?.name).toBe("alpha-model");
    expect(logs.join("\n")).toMatch(/Created the “Self-hosted” endpoint .* with alpha-model enabled/);
    expect(await db.auditLog.count({ where: { action: "endpoint.create", targetId: endpoint.id } })).toBe(1);

    // An admin renames it; restarts do not recreate or overwrite it.
    await db.endpoint.update({ where: { id: endpoint.id }, data: { name: "Our GPU box" } });
    await seedEndpointsFromEnv((line) => logs.push(line));
    const after = await db.endpoint.findMany({ where: { origin: "env" } });
    expect(after.map((item) => item.name)).toEqual(["Our GPU box"]);

    // Deleted by the admin: stays deleted.
    await db.endpoint.delete({ where: { id: endpoint.id } });
    await seedEndpointsFromEnv((line) => logs.push(line));
    expect(await db.endpoint.count({ where: { origin: "env" } })).toBe(0);
  });
});
