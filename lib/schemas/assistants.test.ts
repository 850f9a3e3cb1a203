import { describe, expect, it } from "vitest";
import { assistantConfigSchema, assistantInputSchema } from "@/lib/schemas/assistants";

describe("assistant settings as stored and as sent", () => {
  it("read back a row saved under older avatar rules with all its settings", () => {
    const stored = assistantConfigSchema.parse({ avatar: { type: "emoji", value: "AB" }, instructions: "Keep me", tools: ["calculator"] });
    expect(stored).toMatchObject({ avatar: { type: "emoji", value: "AB" }, instructions: "Keep me", tools: ["calculator"] });
  });

  it("replace only a damaged avatar by the default", () => {
    const stored = assistantConfigSchema.parse({ avatar: { type: "image", value: "not a data URL" }, instructions: "Keep me" });
    expect(stored).toMatchObject({ avatar: { type: "emoji", value: "🤖" }, instructions: "Keep me" });
  });

  it("refuse in what is sent an avatar that is not a single emoji", () => {
    const result = assistantInputSchema.safeParse({ name: "A", avatar: { type: "emoji", value: "AB" } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("Use a single emoji.");
    expect(assistantInputSchema.parse({ name: "A", avatar: { type: "emoji", value: "🧮" } }).avatar).toEqual({ type: "emoji", value: "🧮" });
  });
});
