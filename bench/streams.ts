// Timing one streamed answer: from sending the request to the first token, and the gaps between tokens.
// gapsMs[i] is the gap before the token that arrived at tokenAt[i + 1] (performance.now() clock).
export type StreamTiming = { ttftMs: number; gapsMs: number[]; tokenAt: number[]; totalMs: number; tokens: number; ok: boolean };

/** Reads an SSE response; `isToken` says whether a `data:` payload carries a token. */
async function timeSse(started: number, res: Response, isToken: (data: string) => boolean): Promise<StreamTiming> {
  const timing: StreamTiming = { ttftMs: Number.NaN, gapsMs: [], tokenAt: [], totalMs: 0, tokens: 0, ok: res.ok };
  if (!res.body) return timing;
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  let last = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const now = performance.now();
    buffer += decoder.decode(value, { stream: true });
    let index: number;
    while ((index = buffer.indexOf("\n\n")) !== -1) {
      const event = buffer.slice(0, index);
      buffer = buffer.slice(index + 2);
      const data = event.split("\n").find((line) => line.startsWith("data: "))?.slice(6);
      if (!data || !isToken(data)) continue;
      if (timing.tokens === 0) timing.ttftMs = now - started;
      else timing.gapsMs.push(now - last);
      last = now;
      timing.tokenAt.push(now);
      timing.tokens += 1;
    }
  }
  timing.totalMs = performance.now() - started;
  return timing;
}

export async function timeAppTurn(baseUrl: string, cookie: string, body: unknown): Promise<StreamTiming> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/chat`, { method: "POST", headers: { "Content-Type": "application/json", Cookie: cookie }, body: JSON.stringify(body) });
  return timeSse(started, res, (data) => data.includes('"type":"text-delta"'));
}

/** A Chat Completions chunk with text in it (not the role-only first chunk, not [DONE]). */
const isCompletionToken = (data: string) => data !== "[DONE]" && /"content":"[^"]/.test(data);

/** A streamed POST /api/v1/chat/completions with a personal API key. */
export async function timeApiCompletion(baseUrl: string, apiKey: string, body: unknown): Promise<StreamTiming> {
  const started = performance.now();
  const res = await fetch(`${baseUrl}/api/v1/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Authorization: `Bearer ${apiKey}` },
    body: JSON.stringify(body),
  });
  return timeSse(started, res, isCompletionToken);
}

export async function timeDirect(fakeUrl: string, text: string): Promise<StreamTiming> {
  const started = performance.now();
  const res = await fetch(`${fakeUrl}/chat/completions`, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify({ model: "bench-model", stream: true, stream_options: { include_usage: true }, messages: [{ role: "user", content: text }] }),
  });
  return timeSse(started, res, isCompletionToken);
}
