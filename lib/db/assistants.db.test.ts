// Database test (npm test provides TEST_DATABASE_URL): an action's key is encrypted on save, kept
// when left blank, replaced or removed on request, never brought back by restoring a version (a
// restore keeps each action's current key), and never part of a view, a versions list or an export.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";
import type { AssistantInput } from "@/lib/schemas/assistants";

connectTestDatabase();

const spec = JSON.stringify({
  openapi: "3.0.3",
  info: { title: "Weather", version: "1" },
  servers: [{ url: "https://weather.example.com" }],
  paths: { "/now": { get: { operationId: "currentWeather", responses: { 200: { description: "OK" } } } } },
});
const KEY_1 = "wk-first-key-3b1f9a";
const KEY_2 = "wk-second-key-8c2e7d";
/** A complete assistant input; each test says only what it is about. */
function assistantInput(overrides: Partial<AssistantInput>): AssistantInput {
  return {
    name: "Test assistant",
    description: "",
    visibility: "private",
    avatar: { type: "emoji", value: "🤖" },
    instructions: "",
    showInstructions: false,
    starters: [],
    modelId: null,
    temperature: null,
    maxOutputTokens: null,
    tools: [],
    maxToolSteps: 5,
    actions: [],
    ...overrides,
  };
}

let user: { id: string; role: "user" };

beforeAll(async () => {
  const { db } = await import("@/lib/db/client");
  const row = await db.user.create({ data: { email: `assistant-keys-${randomUUID()}@example.test`, passwordHash: "x" } });
  user = { id: row.id, role: "user" };
});

afterAll(async () => {
  const { db } = await import("@/lib/db/client");
  await db.user.delete({ where: { id: user.id } });
  await db.$disconnect();
});

describe("assistant action keys", () => {
  it("keeps, replaces and clears a key by action id, and never shows it", async () => {
    const { db } = await import("@/lib/db/client");
    const { createAssistant, updateAssistant, listVersions, restoreVersion, getAssistantForEdit } = await import("@/lib/db/assistants");
    const { exportAssistant } = await import("@/lib/assistants/transfer");
    const { decryptSecret } = await import("@/lib/secrets");
    const actionId = randomUUID();
    const input = (action: Partial<AssistantInput["actions"][number]>): AssistantInput =>
      assistantInput({
        name: "Weather",
        avatar: { type: "emoji", value: "🌦" },
        tools: ["current_time"],
        actions: [{ id: actionId, spec, auth: { type: "api_key", in: "header", name: "X-Key" }, clearSecret: false, allowApiWithoutApproval: false, ...action }],
      });
    const storedKey = async (id: string) => {
      const row = await db.assistant.findUniqueOrThrow({ where: { id } });
      const sealed = (row.config as { actions: { secret: string | null }[] }).actions[0]?.secret ?? null;
      return sealed === null ? null : { sealed, plain: decryptSecret(sealed) };
    };

    const created = await createAssistant(user, input({ secret: KEY_1 }));
    expect(created.config.actions).toEqual([{ id: actionId, spec, auth: { type: "api_key", in: "header", name: "X-Key" }, hasSecret: true, allowApiWithoutApproval: false }]);
    const first = await storedKey(created.id);
    expect(first?.plain).toBe(KEY_1);
    expect(first?.sealed).not.toContain(KEY_1);

    // Left blank: kept, byte for byte.
    const kept = await updateAssistant(user, created.id, input({ spec: spec.replace("Weather", "Weather v2") }));
    expect(kept.config.actions[0]?.hasSecret).toBe(true);
    expect((await storedKey(created.id))?.sealed).toBe(first?.sealed);

    // A new one: replaced.
    await updateAssistant(user, created.id, input({ secret: KEY_2 }));
    expect((await storedKey(created.id))?.plain).toBe(KEY_2);

    // Cleared.
    const cleared = await updateAssistant(user, created.id, input({ clearSecret: true }));
    expect(cleared.config.actions[0]?.hasSecret).toBe(false);
    expect(await storedKey(created.id)).toBeNull();

    // A removed key never comes back by a restore: restoring version 1 (saved with KEY_1) leaves
    // the action without a key.
    const versions = await listVersions(user, created.id);
    expect(versions.map((version) => version.version)).toEqual([4, 3, 2, 1]);
    const v1 = versions.find((version) => version.version === 1);
    const restored = await restoreVersion(user, created.id, v1?.id ?? "");
    expect(restored.currentVersion).toBe(5);
    expect(restored.config.actions[0]?.hasSecret).toBe(false);
    expect(await storedKey(created.id)).toBeNull();

    // Nor does a replaced one: with KEY_2 typed again, restoring version 1 keeps KEY_2.
    await updateAssistant(user, created.id, input({ secret: KEY_2 }));
    const sealedKey2 = (await storedKey(created.id))?.sealed;
    const restoredAgain = await restoreVersion(user, created.id, v1?.id ?? "");
    expect(restoredAgain.config.actions[0]?.hasSecret).toBe(true);
    expect(await storedKey(created.id)).toEqual({ sealed: sealedKey2, plain: KEY_2 });

    // Nothing the browser can receive carries the key or its ciphertext.
    const sealedNow = (await storedKey(created.id))?.sealed ?? "";
    const exported = await exportAssistant(user, created.id);
    expect(exported.assistant.actions).toEqual([{ spec, auth: { type: "api_key", in: "header", name: "X-Key" }, allowApiWithoutApproval: false }]);
    const seen = JSON.stringify([await getAssistantForEdit(user, created.id), await listVersions(user, created.id), exported, created, kept, cleared, restored, restoredAgain]);
    for (const secret of [KEY_1, KEY_2, sealedNow, first?.sealed ?? ""]) expect(seen).not.toContain(secret);

    await db.assistant.delete({ where: { id: created.id } });
  });

  it("keeps an action's choice to run without approval through the API across saves, versions, export and import", async () => {
    const { db } = await import("@/lib/db/client");
    const { createAssistant, updateAssistant, listVersions, restoreVersion, getAssistantForEdit } = await import("@/lib/db/assistants");
    const { exportAssistant, importAssistant } = await import("@/lib/assistants/transfer");
    const { assistantExportSchema } = await import("@/lib/schemas/assistants");
    const actionId = randomUUID();
    const withFlag = (allowApiWithoutApproval: boolean) =>
      assistantInput({ name: "Ticketing", actions: [{ id: actionId, spec, auth: { type: "none" }, clearSecret: false, allowApiWithoutApproval }] });
    const flagOf = (view: { config: { actions: { allowApiWithoutApproval: boolean }[] } }) => view.config.actions[0]?.allowApiWithoutApproval;

    const created = await createAssistant(user, withFlag(true));
    expect(flagOf(created)).toBe(true);
    expect(flagOf(await getAssistantForEdit(user, created.id))).toBe(true);
    const v1 = (await listVersions(user, created.id)).find((version) => version.version === 1);

    expect(flagOf(await updateAssistant(user, created.id, withFlag(false)))).toBe(false);
    // Restoring version 1 brings its choice back.
    expect(flagOf(await restoreVersion(user, created.id, v1?.id ?? ""))).toBe(true);

    // An export carries it (through JSON, as a file does) and an import keeps it.
    const exported = assistantExportSchema.parse(JSON.parse(JSON.stringify(await exportAssistant(user, created.id))));
    expect(exported.assistant.actions[0]?.allowApiWithoutApproval).toBe(true);
    const imported = await importAssistant(user, exported);
    expect(flagOf(imported)).toBe(true);
    // An export made before the setting existed imports with it off.
    const older = assistantExportSchema.parse({ ...exported, assistant: { ...exported.assistant, actions: [{ spec, auth: { type: "none" } }] } });
    expect(flagOf(await importAssistant(user, older))).toBe(false);

    await db.assistant.deleteMany({ where: { creatorId: user.id } });
  });

  it("a restore drops the current key when the restored document sends requests to another origin", async () => {
    const { db } = await import("@/lib/db/client");
    const { createAssistant, updateAssistant, listVersions, restoreVersion } = await import("@/lib/db/assistants");
    const actionId = randomUUID();
    const elsewhere = spec.replace("https://weather.example.com", "https://collector.example.net");
    const auth = { type: "bearer" as const };
    // Version 1 sent its (own) key to another origin; version 2 moved to weather.example.com with KEY_2.
    const created = await createAssistant(user, assistantInput({ actions: [{ id: actionId, spec: elsewhere, auth, secret: KEY_1, clearSecret: false, allowApiWithoutApproval: false }] }));
    await updateAssistant(user, created.id, assistantInput({ actions: [{ id: actionId, spec, auth, secret: KEY_2, clearSecret: false, allowApiWithoutApproval: false }] }));
    const v1 = (await listVersions(user, created.id)).find((version) => version.version === 1);
    const restored = await restoreVersion(user, created.id, v1?.id ?? "");
    expect(restored.config.actions).toEqual([{ id: actionId, spec: elsewhere, auth, hasSecret: false, allowApiWithoutApproval: false }]);
    const row = await db.assistant.findUniqueOrThrow({ where: { id: created.id } });
    expect((row.config as { actions: { secret: string | null }[] }).actions[0]?.secret).toBeNull();
    await db.assistant.delete({ where: { id: created.id } });
  });

  it("a conversation keeps its version's instructions, but tools, actions and keys are always the current ones", async () => {
    const { db } = await import("@/lib/db/client");
    const { createAssistant, updateAssistant, assistantSettingsForTurn } = await import("@/lib/db/assistants");
    const actionId = randomUUID();
    const base = assistantInput({
      name: "Pinned",
      instructions: "Version one instructions",
      tools: ["calculator", "fetch_page"],
      actions: [{ id: actionId, spec, auth: { type: "bearer" }, secret: KEY_1, clearSecret: false, allowApiWithoutApproval: false }],
    });
    const created = await createAssistant(user, base);
    const first = await assistantSettingsForTurn(user, created.id, null);
    expect(first?.config.instructions).toBe("Version one instructions");

    // Version 2 drops fetch_page, the action's key, and changes the instructions.
    await updateAssistant(user, created.id, {
      ...base,
      instructions: "Version two instructions",
      tools: ["calculator"],
      actions: [{ id: actionId, spec, auth: { type: "bearer" }, clearSecret: true, allowApiWithoutApproval: false }],
    });
    const pinned = await assistantSettingsForTurn(user, created.id, first?.versionId ?? null);
    expect(pinned?.versionId).toBe(first?.versionId);
    expect(pinned?.config.instructions).toBe("Version one instructions");
    expect(pinned?.config.tools).toEqual(["calculator"]);
    expect(pinned?.config.actions).toEqual([expect.objectContaining({ id: actionId, secret: null })]);

    await db.assistant.delete({ where: { id: created.id } });
  });

  it("of two saves at the same moment one wins and the other is told to reload; an admin's save keeps it featured", async () => {
    const { db } = await import("@/lib/db/client");
    const { createAssistant, updateAssistant } = await import("@/lib/db/assistants");
    const base = assistantInput({ name: "Shared", visibility: "organisation", instructions: "one" });
    const created = await createAssistant(user, base);
    // Both editors opened version 1. Whether the saves overlap (the conditional update refuses the
    // second) or not (the second sees version 2), exactly one lands.
    const results = await Promise.allSettled([
      updateAssistant(user, created.id, { ...base, instructions: "two", baseVersion: 1 }),
      updateAssistant(user, created.id, { ...base, instructions: "three", baseVersion: 1 }),
    ]);
    expect(results.filter((result) => result.status === "fulfilled")).toHaveLength(1);
    const refused = results.find((result) => result.status === "rejected");
    expect(refused?.status === "rejected" ? refused.reason : null).toMatchObject({ code: "conflict", message: expect.stringContaining("since you opened it") });
    expect(await db.assistantVersion.count({ where: { assistantId: created.id } })).toBe(2);
    // A stale editor is refused later too, and nothing changes.
    await expect(updateAssistant(user, created.id, { ...base, instructions: "stale", baseVersion: 1 })).rejects.toMatchObject({ code: "conflict" });
    expect(await db.assistantVersion.count({ where: { assistantId: created.id } })).toBe(2);

    // An admin who is not the creator saves it (the form sends no visibility): it stays shared and featured.
    await db.assistant.update({ where: { id: created.id }, data: { featured: true } });
    const admin = await db.user.create({ data: { email: `assistant-admin-${randomUUID()}@example.test`, passwordHash: "x", role: "admin" } });
    try {
      await updateAssistant({ id: admin.id, role: "admin" }, created.id, { ...base, visibility: "private", instructions: "by the admin" });
      const row = await db.assistant.findUniqueOrThrow({ where: { id: created.id } });
      expect(row).toMatchObject({ visibility: "organisation", featured: true });
    } finally {
      await db.assistant.delete({ where: { id: created.id } });
      await db.user.delete({ where: { id: admin.id } });
    }
  });

  it("refuses a save whose action document does not parse, naming the action", async () => {
    const { createAssistant } = await import("@/lib/db/assistants");
    const { AppError } = await import("@/lib/errors");
    const promise = createAssistant(user, assistantInput({ name: "Broken", actions: [{ id: randomUUID(), spec: "{ not json", auth: { type: "none" }, clearSecret: false, allowApiWithoutApproval: false }] }));
    await expect(promise).rejects.toBeInstanceOf(AppError);
    await expect(promise).rejects.toMatchObject({ code: "validation", message: expect.stringMatching(/^Action 1: The document is neither valid JSON nor valid YAML/) });
  });
});
