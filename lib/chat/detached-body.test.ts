import { describe, expect, it } from "vitest";
import { detachedBody } from "@/lib/chat/detached-body";

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function source(chunks: string[], options: { spacedMs?: number; onRead?: (index: number) => void } = {}) {
  let index = 0;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (options.spacedMs) await new Promise((resolve) => setTimeout(resolve, options.spacedMs));
      const next = chunks[index];
      options.onRead?.(index);
      index += 1;
      if (next === undefined) controller.close();
      else controller.enqueue(encoder.encode(next));
    },
  });
}

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string[]> {
  const out: string[] = [];
  const reader = stream.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return out;
    out.push(decoder.decode(value));
  }
}

describe("detachedBody", () => {
  it("joins chunks that are ready together, in order", async () => {
    const chunks = await readAll(detachedBody(source(["a", "b", "c"])));
    expect(chunks.join("")).toBe("abc");
    expect(chunks.length).toBeLessThan(3);
  });

  it("lets chunks that arrive apart leave apart", async () => {
    expect(await readAll(detachedBody(source(["a", "b", "c"], { spacedMs: 5 })))).toEqual(["a", "b", "c"]);
  });

  it("keeps reading the source to its end after the reader cancels (a closed tab is not a stop)", async () => {
    let reads = 0;
    let closed!: () => void;
    const finished = new Promise<void>((resolve) => (closed = resolve));
    const body = detachedBody(
      source(["a", "b", "c", "d"], {
        spacedMs: 2,
        onRead: (index) => {
          reads = index + 1;
          if (index === 4) closed();
        },
      }),
    );
    const reader = body.getReader();
    expect(decoder.decode((await reader.read()).value)).toBe("a");
    await reader.cancel("browser went away");
    await finished;
    expect(reads).toBe(5);
  });

  it("passes a source error on to the reader", async () => {
    const failing = new ReadableStream<Uint8Array>({
      pull() {
        throw new Error("upstream broke");
      },
    });
    await expect(readAll(detachedBody(failing))).rejects.toThrow("upstream broke");
  });
});
