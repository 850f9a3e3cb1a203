// TRUST_PROXY: which hops in front of the app may say who the client is (X-Forwarded-For).
//   unset / false  -> nobody: the client is the TCP peer, X-Forwarded-For is ignored
//   true           -> one hop (the reverse proxy that connects to the app)
//   a number n     -> n hops
//   a list         -> comma-separated addresses, CIDRs, or proxy-addr's names (loopback, linklocal, uniquelocal)
import proxyaddr from "proxy-addr";

export type TrustProxy = { hops: number } | { addresses: string[] } | null;

/** Parses the variable; throws an Error whose message says what is wrong. */
export function parseTrustProxy(raw: string | undefined): TrustProxy {
  const value = raw?.trim().toLowerCase() ?? "";
  if (value === "" || value === "false" || value === "no" || value === "0") return null;
  if (value === "true" || value === "yes") return { hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 32) throw new Error("must be at most 32 hops");
    return { hops };
  }
  const addresses = value.split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    proxyaddr.compile(addresses);
  } catch (error) {
    throw new Error(
      `must be true, a hop count, or a comma-separated list of proxy addresses or CIDRs (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return { addresses };
}

/** proxy-addr's trust function for a parsed setting. */
export function compileTrust(trust: TrustProxy): (address: string, hop: number) => boolean {
  if (trust === null) return () => false;
  if ("hops" in trust) {
    const { hops } = trust;
    return (_address, hop) => hop < hops;
  }
  return proxyaddr.compile(trust.addresses);
}
