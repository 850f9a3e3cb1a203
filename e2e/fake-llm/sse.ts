// Writing server-sent events and OpenAI-style errors on a node:http response.
import type { IncomingMessage, ServerResponse } from "node:http";

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export function startSse(res: ServerResponse): void {
  res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-cache", Connection: "keep-alive" });
  res.flushHeaders();
}

export function sendData(res: ServerResponse, data: unknown, event?: string): void {
  res.write(`${event ? `event: ${event}\n` : ""}data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`);
}

export function sendError(res: ServerResponse, status: number, message: string, extra: { type?: string; code?: string; headers?: Record<string, string> } = {}): void {
  res.writeHead(status, { "Content-Type": "application/json", ...extra.headers });
  res.end(JSON.stringify({ error: { message, type: extra.type ?? "server_error", param: null, code: extra.code ?? null } }));
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text ? (JSON.parse(text) as unknown) : {};
}

/** Tracks whether the client went away, so a stalled or slow stream stops working for nobody. */
export function watchClose(req: IncomingMessage, res: ServerResponse): { closed: () => boolean; waitClose: Promise<void> } {
  let closed = false;
  const waitClose = new Promise<void>((resolve) => {
    const done = () => {
      closed = true;
      resolve();
    };
    res.on("close", done);
    req.on("aborted", done);
  });
  return { closed: () => closed, waitClose };
}
