import "server-only";
// The body of a chat turn's response. Two jobs, one stage:
// - The answer is read to its end whatever the browser does: when the browser goes away (tab closed,
//   connection lost), the bytes are still drained so the turn finishes and is saved. Only Stop ends
//   an answer early (it aborts the model call upstream of this stream).
// - Bytes that are ready together leave together. The UI message stream is many small SSE events,
//   and Next writes each chunk of a Response body through its own web-stream pipe; chunks produced
//   in the same turn of the event loop (a burst from the model, the events around a token) are
//   joined into one. A lone token still leaves at once, at the end of the current turn of the loop.
export function detachedBody(source: ReadableStream<Uint8Array>): ReadableStream<Uint8Array> {
  const reader = source.getReader();
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let scheduled = false;
  let ended = false;
  let target: ReadableStreamDefaultController<Uint8Array> | null = null;

  const flush = () => {
    scheduled = false;
    const controller = target;
    const chunks = pending;
    const bytes = pendingBytes;
    pending = [];
    pendingBytes = 0;
    if (!controller) return;
    if (chunks.length === 1) controller.enqueue(chunks[0] as Uint8Array);
    else if (chunks.length > 1) {
      const joined = new Uint8Array(bytes);
      let offset = 0;
      for (const chunk of chunks) {
        joined.set(chunk, offset);
        offset += chunk.length;
      }
      controller.enqueue(joined);
    }
    if (ended) controller.close();
  };

  const drain = async () => {
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        if (!target) continue; // nobody listens any more: keep reading so the turn can finish
        pending.push(value);
        pendingBytes += value.length;
        if (!scheduled) {
          scheduled = true;
          setImmediate(flush);
        }
      }
      ended = true;
      if (!scheduled) flush();
    } catch (error) {
      if (scheduled) flush(); // what arrived before the error still reaches the browser
      target?.error(error);
      target = null;
    }
  };

  return new ReadableStream<Uint8Array>({
    start(controller) {
      target = controller;
      void drain();
    },
    cancel() {
      // The browser left. Not a stop: the rest is read and dropped.
      target = null;
    },
  });
}
