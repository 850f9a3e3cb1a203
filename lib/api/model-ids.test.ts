import { describe, expect, it } from "vitest";
import { assistantSlugOf, publicModelIds } from "@/lib/api/model-ids";

const at = new Date(0);

describe("API model ids", () => {
  it("are the upstream names, qualified by endpoint only where two endpoints share one", () => {
    const ids = publicModelIds([
      { id: "1", name: "llama3", endpointName: "Ollama", createdAt: at },
      { id: "2", name: "llama3", endpointName: "vLLM", createdAt: at },
      { id: "3", name: "gpt-4o-mini", endpointName: "OpenAI", createdAt: at },
    ]).map((model) => model.publicId);
    expect(ids).toEqual(["Ollama/llama3", "vLLM/llama3", "gpt-4o-mini"]);
  });

  it("recognise assistants by their prefix", () => {
    expect(assistantSlugOf("assistant:support-bot-abc123")).toBe("support-bot-abc123");
    expect(assistantSlugOf("gpt-4o")).toBeNull();
  });
});
