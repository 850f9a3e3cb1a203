import { describe, expect, it } from "vitest";
import { catchStreamErrors } from "@/lib/chat/catch-stream-errors";

async function collect<T>(stream: ReadableStream<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of stream) out.push(item);
  return out;
}

describe("catchStreamErrors", () => {
  it("passes a healthy stream through unchanged", async () => {
    const source = new ReadableStream<string>({
      start(controller) {
        controller.enqueue("a");
        controller.enqueue("b");
        controller.close();
      },
    });
    expect(await collect(catchStreamErrors(source, () => "error"))).toEqual(["a", "b"]);
  });

  it("ends a broken stream with one error part instead of failing", async () => {
    let sent = 0;
    const source = new ReadableStream<string>({
      pull(controller) {
        sent += 1;
        if (sent <= 2) controller.enqueue(`part ${sent}`);
        else controller.error(new TypeError("terminated"));
      },
    });
    expect(await collect(catchStreamErrors(source, (error) => `error: ${(error as Error).message}`))).toEqual(["part 1", "part 2", "error: terminated"]);
  });

  it("passes a cancel on to the source", async () => {
    let cancelled: unknown = null;
    const source = new ReadableStream<string>({ cancel: (reason) => void (cancelled = reason) });
    await catchStreamErrors(source, () => "x").cancel("stop");
    expect(cancelled).toBe("stop");
  });
});

describe("catchStreamErrors with endsAnswer", () => {
  it("ends the answer at an error part: nothing after it goes out, and the source is cancelled", async () => {
    let cancelled = false;
    let sent = 0;
    const parts = ["Hello", "ERROR: malformed chunk", "more text", "and more"];
    const source = new ReadableStream<string>({
      pull(controller) {
        const next = parts[sent++];
        if (next === undefined) controller.close();
        else controller.enqueue(next);
      },
      cancel: () => void (cancelled = true),
    });
    const out = await collect(catchStreamErrors(source, () => "x", undefined, (part) => part.startsWith("ERROR")));
    expect(out).toEqual(["Hello", "ERROR: malformed chunk"]);
    expect(cancelled).toBe(true);
  });
});
