import { describe, expect, it } from "vitest";
import { envSources } from "@/lib/ai/seed-from-env";

const none = {
  OPENAI_API_KEY: undefined,
  OPENAI_BASE_URL: undefined,
  DEFAULT_MODEL: undefined,
  OPENAI_COMPATIBLE_BASE_URL: undefined,
  OPENAI_COMPATIBLE_API_KEY: undefined,
  OPENAI_COMPATIBLE_MODEL: undefined,
};

describe("envSources", () => {
  it("creates nothing without the variables", () => {
    expect(envSources(none)).toEqual([]);
  });

  it("turns OPENAI_API_KEY into an OpenAI endpoint with the default model", () => {
    expect(envSources({ ...none, OPENAI_API_KEY: "sk-x", DEFAULT_MODEL: "gpt-4.1" })).toEqual([
      { id: "openai", preset: "openai", name: "OpenAI", baseUrl: "https://api.openai.com/v1", apiKey: "sk-x", model: "gpt-4.1" },
    ]);
    expect(envSources({ ...none, OPENAI_API_KEY: "sk-x", OPENAI_BASE_URL: "https://proxy.example.com/v1" })[0]).toMatchObject({
      baseUrl: "https://proxy.example.com/v1",
      model: "gpt-4.1-mini",
    });
  });

  it("turns OPENAI_COMPATIBLE_BASE_URL into a self-hosted endpoint, discovering the model when none is named", () => {
    expect(envSources({ ...none, OPENAI_COMPATIBLE_BASE_URL: "http://localhost:11434/v1" })).toEqual([
      { id: "openai_compatible", preset: "custom", name: "Self-hosted", baseUrl: "http://localhost:11434/v1", apiKey: undefined, model: undefined },
    ]);
    expect(
      envSources({ ...none, OPENAI_COMPATIBLE_BASE_URL: "http://h/v1", OPENAI_COMPATIBLE_API_KEY: "k", OPENAI_COMPATIBLE_MODEL: "llama3" })[0],
    ).toMatchObject({ apiKey: "k", model: "llama3" });
  });

  it("uses DEFAULT_MODEL for the self-hosted server only when OpenAI is not configured too", () => {
    const both = envSources({ ...none, OPENAI_API_KEY: "sk", OPENAI_COMPATIBLE_BASE_URL: "http://h/v1", DEFAULT_MODEL: "gpt-4.1" });
    expect(both.map((source) => source.model)).toEqual(["gpt-4.1", undefined]);
    expect(envSources({ ...none, OPENAI_COMPATIBLE_BASE_URL: "http://h/v1", DEFAULT_MODEL: "qwen" })[0]?.model).toBe("qwen");
  });
});
