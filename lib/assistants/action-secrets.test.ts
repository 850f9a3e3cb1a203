// Action keys: kept, replaced or removed on save, and never part of a view.
import { describe, expect, it } from "vitest";
import { resolveActionSecrets, toConfigView } from "@/lib/assistants/action-secrets";
import { assistantConfigSchema, assistantInputSchema, type AssistantAction } from "@/lib/schemas/assistants";

const A = "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f";
const B = "7a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d";
const bearer = { type: "bearer" } as const;
const encrypt = (plaintext: string) => `sealed(${plaintext})`;
const stored: AssistantAction[] = [
  { id: A, spec: "a", auth: bearer, secret: "sealed(old-a)", allowApiWithoutApproval: false },
  { id: B, spec: "b", auth: { type: "api_key", in: "header", name: "X-Key" }, secret: "sealed(old-b)", allowApiWithoutApproval: false },
];

describe("resolveActionSecrets", () => {
  it("keeps the stored key of the same action id when none is typed", () => {
    expect(resolveActionSecrets([{ id: A, spec: "a2", auth: bearer, clearSecret: false, allowApiWithoutApproval: false }], stored, encrypt)).toEqual([
      { id: A, spec: "a2", auth: bearer, secret: "sealed(old-a)", allowApiWithoutApproval: false },
    ]);
  });

  it("encrypts a newly typed key, removes one on request, and never borrows another action's key", () => {
    const result = resolveActionSecrets(
      [
        { id: A, spec: "a", auth: bearer, secret: "new-a", clearSecret: false, allowApiWithoutApproval: false },
        { id: B, spec: "b", auth: stored[1]!.auth, clearSecret: true, allowApiWithoutApproval: false },
        { id: "8b3c4d5e-6f7a-4b8c-9d0e-1f2a3b4c5d6e", spec: "c", auth: bearer, clearSecret: false, allowApiWithoutApproval: false },
      ],
      stored,
      encrypt,
    );
    expect(result.map((action) => action.secret)).toEqual(["sealed(new-a)", null, null]);
  });

  it("drops the key of an action that no longer authenticates", () => {
    expect(
      resolveActionSecrets([{ id: A, spec: "a", auth: { type: "none" }, secret: "typed", clearSecret: false, allowApiWithoutApproval: false }], stored, encrypt)[0]?.secret,
    ).toBeNull();
  });

  it("keeps the choice to run without approval through the API, whatever happens to the key", () => {
    const submitted = [
      { id: A, spec: "a", auth: bearer, clearSecret: false, allowApiWithoutApproval: true },
      { id: B, spec: "b", auth: { type: "none" } as const, clearSecret: false, allowApiWithoutApproval: true },
    ];
    expect(resolveActionSecrets(submitted, stored, encrypt).map((action) => action.allowApiWithoutApproval)).toEqual([true, true]);
  });
});

describe("toConfigView", () => {
  it("replaces every key with hasSecret, so neither ciphertext nor plaintext leaves the server", () => {
    const config = assistantConfigSchema.parse({
      actions: stored.concat({ id: "9c4d5e6f-7a8b-4c9d-8e1f-2a3b4c5d6e7f", spec: "c", auth: { type: "none" }, secret: null, allowApiWithoutApproval: false }),
    });
    const view = toConfigView(config);
    expect(view.actions.map((action) => action.hasSecret)).toEqual([true, true, false]);
    for (const action of view.actions) expect(Object.keys(action).sort()).toEqual(["allowApiWithoutApproval", "auth", "hasSecret", "id", "spec"]);
    expect(JSON.stringify(view)).not.toContain("sealed(");
  });
});

describe("assistantInputSchema actions", () => {
  const base = { name: "A" };
  it("reads `secret` as a new key and refuses a new key together with clearSecret", () => {
    const parsed = assistantInputSchema.parse({ ...base, actions: [{ id: A, spec: "x", auth: bearer, secret: "  tok  " }] });
    expect(parsed.actions[0]).toEqual({ id: A, spec: "x", auth: bearer, secret: "tok", clearSecret: false, allowApiWithoutApproval: false });
    const both = assistantInputSchema.safeParse({ ...base, actions: [{ id: A, spec: "x", auth: bearer, secret: "tok", clearSecret: true }] });
    expect(both.success).toBe(false);
    expect(both.error?.issues[0]).toMatchObject({ path: ["actions", 0, "secret"], message: "Either enter a new key or remove the stored one, not both." });
  });

  it("carries allowApiWithoutApproval from the form through the stored config to the view (off when left out)", () => {
    const sent = assistantInputSchema.parse({ ...base, actions: [{ id: A, spec: "x", auth: bearer, allowApiWithoutApproval: true }, { id: B, spec: "y" }] });
    expect(sent.actions.map((action) => action.allowApiWithoutApproval)).toEqual([true, false]);
    const config = assistantConfigSchema.parse({ actions: resolveActionSecrets(sent.actions, [], encrypt) });
    // Read back from JSON, as a stored row is.
    const readBack = assistantConfigSchema.parse(JSON.parse(JSON.stringify(config)));
    expect(toConfigView(readBack).actions.map((action) => action.allowApiWithoutApproval)).toEqual([true, false]);
    // A config stored before the setting existed reads as off.
    expect(assistantConfigSchema.parse({ actions: [{ id: A, spec: "x" }] }).actions[0]?.allowApiWithoutApproval).toBe(false);
    expect(assistantInputSchema.safeParse({ ...base, actions: [{ id: A, spec: "x", allowApiWithoutApproval: "yes" }] }).success).toBe(false);
  });

  it("refuses two actions with the same id and a tool listed twice", () => {
    expect(assistantInputSchema.safeParse({ ...base, actions: [{ id: A, spec: "x" }, { id: A, spec: "y" }] }).success).toBe(false);
    expect(assistantInputSchema.safeParse({ ...base, tools: ["calculator", "calculator"] }).success).toBe(false);
  });
});
