import "server-only";
// The client address used for sign-in and sign-up throttling: the TCP peer, or with TRUST_PROXY the
// right-most hop the trusted proxies did not vouch for (lib/net/client-address.ts).
import { getEnv } from "@/lib/env";
import { resolveClientAddress } from "@/lib/net/client-address";
import { PEER_ADDRESS_HEADER } from "@/lib/net/peer-address";

export function clientIp(headers: Headers | Record<string, string | string[] | undefined>): string | null {
  const read = (name: string): string | null => {
    const raw = headers instanceof Headers ? headers.get(name) : headers[name];
    const value = Array.isArray(raw) ? raw.join(",") : raw;
    return value ?? null;
  };
  return resolveClientAddress({ peer: read(PEER_ADDRESS_HEADER), forwardedFor: read("x-forwarded-for") }, getEnv().TRUST_PROXY);
}
