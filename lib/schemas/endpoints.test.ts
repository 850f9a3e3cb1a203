import { describe, expect, it } from "vitest";
import { endpointInputSchema, endpointPatchSchema } from "@/lib/schemas/endpoints";

describe("endpointPatchSchema", () => {
  it("changes only what a PATCH names: no defaults re-enable the endpoint or reset its timeouts", () => {
    expect(endpointPatchSchema.parse({ baseUrl: "http://gpu:8000/v1" })).toEqual({ baseUrl: "http://gpu:8000/v1" });
    expect(endpointPatchSchema.parse({ idleTimeoutSeconds: "5", enabled: false })).toEqual({ idleTimeoutSeconds: 5, enabled: false });
  });

  it("still fills the defaults when an endpoint is created", () => {
    const input = endpointInputSchema.parse({ name: "Local", preset: "vllm", baseUrl: "http://gpu:8000/v1", timeoutSeconds: 60 });
    expect(input).toMatchObject({ idleTimeoutSeconds: 60, enabled: true, useChatCompletions: false, removeApiKey: false });
  });
});
