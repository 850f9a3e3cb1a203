// Writing server-sent events and OpenAI-style errors on a node:http response, plus the
// directive-driven faults (drop, stall, malformed) shared by both streaming APIs.
import type { IncomingMessage, ServerResponse } from "node:http";
import { setTimeout as delay } from "node:timers/promises";
import type { Directives } from "./directives";

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

export type ClientWatch = {
  closed: () => boolean;
  waitClose: Promise<void>;
  /** Resolves early when the client goes away, so no timer outlives an aborted stream. */
  sleep: (ms: number) => Promise<void>;
};

/** Tracks whether the client went away, so a stalled or slow stream stops working for nobody. */
export function watchClose(res: ServerResponse): ClientWatch {
  // `res` rather than `req`: the request's own "close" fires as soon as its body has been read.
  const controller = new AbortController();
  res.once("close", () => controller.abort());
  const waitClose = new Promise<void>((resolve) => controller.signal.addEventListener("abort", () => resolve(), { once: true }));
  return {
    closed: () => controller.signal.aborted,
    waitClose,
    sleep: (ms) => (ms > 0 && !controller.signal.aborted ? delay(ms, undefined, { signal: controller.signal }).catch(() => undefined) : Promise.resolve()),
  };
}

/** Cuts the connection mid-body, the way a crashing upstream or proxy does, after what was written has left. */
export function dropConnection(res: ServerResponse): void {
  const socket = res.socket;
  if (!socket) return;
  // Node 22+ holds a response's writes until the end of the tick: cut after they have reached the socket.
  setImmediate(() => {
    socket.once("finish", () => socket.destroy());
    socket.end();
  });
}

/**
 * Streams content pieces (text deltas or tool-argument fragments) with pacing and the faults the
 * directives ask for. Returns false when the stream must not be finished: the client left, or the
 * connection was dropped or stalled on purpose.
 */
export async function streamPieces(
  res: ServerResponse,
  watch: ClientWatch,
  pieces: string[],
  send: (piece: string) => void,
  options: { pauseMs: number; directives: Directives; malformedFrame: string },
): Promise<boolean> {
  const { drop, stall, malformed } = options.directives;
  for (const [index, piece] of pieces.entries()) {
    await watch.sleep(options.pauseMs);
    if (watch.closed()) return false;
    if (drop !== undefined && index >= drop) {
      dropConnection(res);
      return false;
    }
    send(piece);
    // Without a pause nothing else would yield, so a huge reply would pile up in memory.
    if (res.writableNeedDrain) await drained(res, watch);
    // After the first piece rather than before the second, so even a one-piece reply gets one.
    if (malformed && index === 0) res.write(options.malformedFrame);
    if (stall !== undefined && index + 1 >= stall) {
      await watch.waitClose;
      return false;
    }
  }
  // [[stall:N]] with fewer than N pieces goes silent before the end, like drop.
  if (stall !== undefined) {
    await watch.waitClose;
    return false;
  }
  // [[drop:N]] with fewer than N pieces still never lets the stream finish.
  if (drop !== undefined) {
    dropConnection(res);
    return false;
  }
  return !watch.closed();
}

function drained(res: ServerResponse, watch: ClientWatch): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      resolve();
    };
    res.once("drain", done);
    void watch.waitClose.then(done);
  });
}

/** A non-streamed JSON answer, subject to the same faults as a stream. */
export async function sendJsonReply(res: ServerResponse, body: unknown, directives: Directives): Promise<void> {
  if (directives.drop !== undefined) {
    res.socket?.destroy();
    return;
  }
  if (directives.stall !== undefined) {
    await watchClose(res).waitClose;
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(200, { "Content-Type": "application/json" });
  res.end(directives.malformed ? text.slice(0, Math.ceil(text.length / 2)) : text);
}
