// Route handlers get a Web Request with no socket, so the TCP peer's address is stamped on the incoming
// Node request under a private header before Next.js reads it. Any copy of that header the client sent
// is deleted first, so only the server itself can set it. Registered from instrumentation.ts.
import diagnosticsChannel from "node:diagnostics_channel";
import type { IncomingMessage } from "node:http";
import type { Socket } from "node:net";

export const PEER_ADDRESS_HEADER = "x-switchboard-peer-address";

type RequestStart = { request: IncomingMessage; socket: Socket };

function stamp(message: unknown): void {
  const { request, socket } = message as RequestStart;
  delete request.headers[PEER_ADDRESS_HEADER];
  const raw = request.rawHeaders;
  for (let index = raw.length - 2; index >= 0; index -= 2) {
    if (raw[index]?.toLowerCase() === PEER_ADDRESS_HEADER) raw.splice(index, 2);
  }
  const address = socket.remoteAddress;
  if (address) {
    request.headers[PEER_ADDRESS_HEADER] = address;
    raw.push(PEER_ADDRESS_HEADER, address);
  }
}

const globalForPeer = globalThis as unknown as { switchboardPeerStamp?: boolean };

/** Subscribes once per process to Node's "http.server.request.start" channel. */
export function stampPeerAddresses(): void {
  if (globalForPeer.switchboardPeerStamp) return;
  globalForPeer.switchboardPeerStamp = true;
  diagnosticsChannel.subscribe("http.server.request.start", stamp);
}
