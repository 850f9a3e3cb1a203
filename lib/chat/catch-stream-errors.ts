import "server-only";
// A model stream that breaks (the upstream cut the connection mid-answer) errors the stream itself
// in the AI SDK, instead of sending an error part: the browser would see its own connection fail,
// and the turn would look complete. This wrapper turns such a failure into one last error part, so
// the answer ends like any failed answer (error chunk to the browser, "error" in the database).
// `tap` sees every part that goes out (the error part included), in the same stage.
// `endsAnswer` names the parts after which the answer is over (a malformed chunk from the model is
// an error part, yet the SDK reads on): the browser stops showing the answer at such an error, so
// the source is cancelled there and what is saved is what was shown.
export function catchStreamErrors<T>(
  source: ReadableStream<T>,
  toPart: (error: unknown) => T,
  tap?: (part: T) => void,
  endsAnswer?: (part: T) => boolean,
): ReadableStream<T> {
  const reader = source.getReader();
  return new ReadableStream<T>({
    async pull(controller) {
      try {
        const { done, value } = await reader.read();
        if (done) {
          controller.close();
          return;
        }
        tap?.(value);
        controller.enqueue(value);
        if (endsAnswer?.(value)) {
          controller.close();
          await reader.cancel("The answer ended at an error.").catch(() => undefined);
        }
      } catch (error) {
        const part = toPart(error);
        tap?.(part);
        controller.enqueue(part);
        controller.close();
      }
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  });
}
