// The builder's action drafts: what each form state sends (a key only when one was typed).
import { describe, expect, it } from "vitest";
import { draftFromView, draftToInput, newDraft, newUuid } from "@/components/assistants/action-drafts";
import { assistantActionInputSchema } from "@/lib/schemas/assistants";

const view = { id: "6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f", spec: "openapi: 3.0.3", auth: { type: "api_key", in: "query", name: "key" } as const, hasSecret: true, allowApiWithoutApproval: false };

describe("action drafts", () => {
  it("round-trips a saved action without sending a key (the stored one is kept)", () => {
    const draft = draftFromView(view);
    expect(draft).toMatchObject({ auth: "api_key_query", keyName: "key", secret: "", hasSecret: true, clearSecret: false });
    expect(draftToInput(draft)).toEqual({ id: view.id, spec: view.spec, auth: view.auth, clearSecret: false, allowApiWithoutApproval: false });
  });

  it("sends a newly typed key, or the request to remove the stored one", () => {
    const draft = draftFromView(view);
    expect(draftToInput({ ...draft, secret: " new-key " })).toMatchObject({ secret: "new-key", clearSecret: false });
    expect(draftToInput({ ...draft, secret: "ignored", clearSecret: true })).toEqual({ id: view.id, spec: view.spec, auth: view.auth, clearSecret: true, allowApiWithoutApproval: false });
  });

  it("sends no key for an action without authentication", () => {
    expect(draftToInput({ ...draftFromView(view), auth: "none", secret: "typed" })).toEqual({ id: view.id, spec: view.spec, auth: { type: "none" }, clearSecret: false, allowApiWithoutApproval: false });
    expect(draftToInput({ ...draftFromView(view), auth: "bearer" }).auth).toEqual({ type: "bearer" });
  });

  it("keeps the choice to run without approval through the API", () => {
    const draft = draftFromView({ ...view, allowApiWithoutApproval: true });
    expect(draft.allowApiWithoutApproval).toBe(true);
    expect(draftToInput(draft).allowApiWithoutApproval).toBe(true);
    expect(draftToInput({ ...draft, allowApiWithoutApproval: false }).allowApiWithoutApproval).toBe(false);
    expect(newDraft().allowApiWithoutApproval).toBe(false);
  });

  it("gives new actions valid, distinct v4 ids the API accepts", () => {
    const ids = new Set(Array.from({ length: 50 }, newUuid));
    expect(ids.size).toBe(50);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    const fresh = { ...newDraft(), spec: "x" };
    expect(assistantActionInputSchema.safeParse(draftToInput(fresh)).success).toBe(true);
  });
});
