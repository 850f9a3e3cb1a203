import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { BODY_LIMITS, readJson } from "@/lib/http/read-json";

const schema = z.object({ text: z.string() });

function post(body: BodyInit, headers: Record<string, string> = { "Content-Type": "application/json" }) {
  return new Request("http://app.test/api/x", { method: "POST", body, headers });
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(() => null, (caught: unknown) => caught);
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("readJson", () => {
  it("returns the validated body", async () => {
    await expect(readJson(post(JSON.stringify({ text: "hé 👋" }), { "Content-Type": "application/json; charset=utf-8" }), schema)).resolves.toEqual({ text: "hé 👋" });
  });

  it("answers 415 to a body that is not declared JSON (a cross-site form's text/plain)", async () => {
    const error = await refusal(readJson(post(JSON.stringify({ text: "x" }), { "Content-Type": "text/plain" }), schema));
    expect(error.status).toBe(415);
    expect(error.message).toMatch(/Content-Type: application\/json/);
  });

  it("answers 400 to malformed JSON instead of reading it as {}", async () => {
    const error = await refusal(readJson(post("{not json"), z.object({}).loose()));
    expect(error.status).toBe(400);
    expect(error.message).toBe("The request body is not valid JSON.");
  });

  it("answers 413 past the cap, counted while reading even without Content-Length", async () => {
    const big = JSON.stringify({ text: "a".repeat(BODY_LIMITS.default) });
    expect((await refusal(readJson(post(big), schema))).status).toBe(413);
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    const chunked = new Request("http://app.test/api/x", { method: "POST", body: stream, headers: { "Content-Type": "application/json" }, duplex: "half" } as RequestInit);
    const error = await refusal(readJson(chunked, schema));
    expect(error.status).toBe(413);
    expect(error.message).toMatch(/larger than 64 KB/);
    await expect(readJson(post(big), schema, BODY_LIMITS.chat)).resolves.toEqual({ text: "a".repeat(BODY_LIMITS.default) });
  });

  it("answers 400 to a NUL character or a lone surrogate anywhere in the body", async () => {
    const nul = await refusal(readJson(post('{"text":"a\\u0000b"}'), schema));
    expect(nul.status).toBe(400);
    expect(nul.message).toMatch(/NUL character/);
    const nested = await refusal(readJson(post('{"text":"ok","more":[{"x":"\\ud800"}]}'), schema));
    expect(nested.status).toBe(400);
    expect(nested.message).toMatch(/lone UTF-16 surrogate/);
  });
});
