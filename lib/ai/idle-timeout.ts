// An idle timeout between the chunks of a response body: the endpoint's request timeout covers only
// the headers, and a model that stops sending mid-answer would otherwise hold the turn until the
// HTTP client's own body timeout (300 s). No server-only import: the fake-llm tests use it too.

/** A response body sent nothing for the endpoint's idle timeout. */
export class StreamIdleError extends Error {
  override readonly name = "StreamIdleError";
  constructor(readonly idleMs: number) {
    super(`The response sent nothing for ${Math.round(idleMs / 1000)} s.`);
  }

  static isInstance(error: unknown): error is StreamIdleError {
    return error instanceof Error && error.name === "StreamIdleError";
  }
}

/**
 * The same response, whose body errors with a StreamIdleError (and cancels the upstream, closing the
 * connection) when no chunk arrives within `idleMs` of being asked for. The clock runs only while the
 * reader waits, so a slow consumer is never mistaken for a silent server.
 */
export function withIdleTimeout(response: Response, idleMs: number): Response {
  if (!response.body) return response;
  const reader = response.body.getReader();
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      let timer: ReturnType<typeof setTimeout> | undefined;
      const silence = new Promise<never>((_resolve, reject) => {
        timer = setTimeout(() => reject(new StreamIdleError(idleMs)), idleMs);
      });
      try {
        const chunk = await Promise.race([reader.read(), silence]);
        if (chunk.done) controller.close();
        else controller.enqueue(chunk.value);
      } catch (error) {
        controller.error(error);
        reader.cancel(error).catch(() => undefined);
      } finally {
        clearTimeout(timer);
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
  const wrapped = new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  // Response's constructor cannot set url; callers word their errors with it.
  Object.defineProperty(wrapped, "url", { value: response.url });
  return wrapped;
}
