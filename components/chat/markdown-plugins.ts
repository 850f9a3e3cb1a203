// Streamdown's heavy renderers, each fetched the first time a message needs it: Shiki (the
// highlighter, which also fetches each language's grammar on first use) and KaTeX. Mermaid is not used.
import type { CodeHighlighterPlugin, MathPlugin } from "streamdown";

export type Needs = { code: boolean; math: boolean };
export type Renderers = { code?: CodeHighlighterPlugin; math?: MathPlugin };

function once<T>(importer: () => Promise<T>): { value: () => T | null | undefined; load: () => Promise<T | null> } {
  let pending: Promise<T | null> | null = null;
  // undefined: not loaded yet; null: its chunk failed to load (the text renders without it).
  let value: T | null | undefined;
  return {
    value: () => value,
    load: () =>
      (pending ??= importer().then(
        (loaded) => (value = loaded),
        (error: unknown) => {
          console.error("A Markdown renderer failed to load", error);
          return (value = null);
        },
      )),
  };
}

const code = once(() => import("@streamdown/code").then((module) => module.code));
const math = once(() => import("@streamdown/math").then((module) => module.math));

const keyOf = (needs: Needs) => `${needs.code ? "code" : ""}+${needs.math ? "math" : ""}`;
const settled = new Map<string, Renderers>();
const pending = new Map<string, Promise<Renderers>>();

/** The renderers a text needs when all of them have loaded (the same object each time, for memo), else null. */
export function loadedRenderers(needs: Needs): Renderers | null {
  return settled.get(keyOf(needs)) ?? null;
}

/** Whatever has loaded so far, for text that is still streaming in. */
export function partialRenderers(needs: Needs): Renderers {
  return { code: (needs.code && code.value()) || undefined, math: (needs.math && math.value()) || undefined };
}

/** Loads what a text needs; one promise per combination, so React's `use` sees the same one on each try. */
export function loadRenderers(needs: Needs): Promise<Renderers> {
  const key = keyOf(needs);
  let promise = pending.get(key);
  if (!promise) {
    promise = Promise.all([needs.code ? code.load() : null, needs.math ? math.load() : null]).then(([loadedCode, loadedMath]) => {
      const renderers: Renderers = { code: loadedCode ?? undefined, math: loadedMath ?? undefined };
      settled.set(key, renderers);
      return renderers;
    });
    pending.set(key, promise);
  }
  return promise;
}
