// The client's address for throttling. The TCP peer (stamped by lib/net/peer-address.ts) is the only
// thing a client cannot choose; X-Forwarded-For is read only through the hops TRUST_PROXY trusts, and
// then the right-most untrusted entry wins (proxy-addr), never the left-most one the client wrote.
import ipaddr from "ipaddr.js";
import proxyaddr from "proxy-addr";
import { compileTrust, type TrustProxy } from "@/lib/net/trust-proxy";

/** "::ffff:127.0.0.1" and "127.0.0.1" are one client: keys use the plain form. */
export function canonicalAddress(address: string): string | null {
  const bare = address.trim().replace(/^\[|\]$/g, "").replace(/%.*$/, "");
  if (!ipaddr.isValid(bare)) return null;
  return ipaddr.process(bare).toString();
}

export function resolveClientAddress(input: { peer: string | null; forwardedFor: string | null }, trust: TrustProxy): string | null {
  if (!input.peer) return null;
  const peer = canonicalAddress(input.peer);
  if (!peer) return null;
  if (trust === null || !input.forwardedFor) return peer;
  // proxy-addr reads a Node request; this is the part of one it looks at.
  const request = { socket: { remoteAddress: peer }, connection: { remoteAddress: peer }, headers: { "x-forwarded-for": input.forwardedFor } };
  const chosen = proxyaddr(request as unknown as Parameters<typeof proxyaddr>[0], compileTrust(trust));
  return canonicalAddress(chosen) ?? peer;
}
