// Which IP addresses an outbound tool request may reach. Pure: no DNS, no sockets. safe-fetch calls
// it on every address a host resolves to (and on IP-literal hosts before connecting), so a model can't
// steer a tool at loopback, the LAN or a cloud metadata endpoint. Fails closed: anything it can't
// parse is forbidden.
import ipaddr from "ipaddr.js";

type IPv4 = ipaddr.IPv4;
type IPv6 = ipaddr.IPv6;

// Only these words reach the error sentence, so each reads as "<reason> are not allowed".
const IPV4_REASONS: Record<string, string> = {
  loopback: "loopback addresses",
  private: "private network addresses",
  linkLocal: "link-local addresses (this includes cloud metadata endpoints)",
  carrierGradeNat: "carrier-grade NAT addresses",
  unspecified: "unspecified addresses",
  multicast: "multicast addresses",
  broadcast: "broadcast addresses",
};

const IPV6_REASONS: Record<string, string> = {
  loopback: "loopback addresses",
  uniqueLocal: "private network addresses",
  linkLocal: "link-local addresses",
  deprecatedSiteLocal: "site-local addresses",
  unspecified: "unspecified addresses",
  multicast: "multicast addresses",
};

const SPECIAL_PURPOSE = "reserved or special-purpose addresses";

// Strict dotted decimal, the only form a resolver returns; other spellings go through parseHostLiteral.
const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

/**
 * The compressed form of an IPv6 address, as the WHATWG URL parser writes it, or null. ipaddr.js alone
 * is too lenient here: it reads "::8.8.8.8" as the mapped ::ffff:8.8.8.8 and accepts hex octets in
 * the dotted tail, which the kernel would not. A zone ("%eth0") is dropped: it never changes which
 * range an address is in.
 */
function canonicalIpv6(text: string): string | null {
  const address = text.replace(/%[^%]*$/, "");
  if (!address.includes(":")) return null;
  try {
    return new URL(`http://[${address}]/`).hostname.slice(1, -1);
  } catch {
    return null;
  }
}

function ipv4Reason(address: IPv4): string | null {
  const range = address.range();
  // ipaddr.js names every special-purpose block (documentation, benchmarking, 240/4...); only
  // ordinary public unicast is reachable.
  if (range === "unicast") return null;
  return IPV4_REASONS[range] ?? SPECIAL_PURPOSE;
}

function ipv4FromParts(high: number, low: number): IPv4 {
  return new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
}

/** The IPv4 addresses an IPv6 address carries and that a router or the OS may turn into IPv4 traffic. */
function embeddedIpv4(address: IPv6): IPv4[] | "deprecated" | null {
  const p = address.parts;
  const part = (i: number): number => p[i] ?? 0;
  const zeros = (from: number, to: number): boolean => p.slice(from, to).every((x) => x === 0);
  // ::ffff:a.b.c.d (mapped) and ::ffff:0:a.b.c.d (translated): the kernel connects to the IPv4 address.
  if (zeros(0, 5) && part(5) === 0xffff) return [ipv4FromParts(part(6), part(7))];
  if (zeros(0, 4) && part(4) === 0xffff && part(5) === 0) return [ipv4FromParts(part(6), part(7))];
  // ::a.b.c.d, the deprecated "IPv4-compatible" form (:: and ::1 are handled by their own ranges).
  if (zeros(0, 6) && (part(6) !== 0 || part(7) > 1)) return "deprecated";
  // NAT64 well-known prefix 64:ff9b::/96: the gateway forwards to the embedded address.
  if (part(0) === 0x64 && part(1) === 0xff9b && zeros(2, 6)) return [ipv4FromParts(part(6), part(7))];
  // 6to4 2002:AABB:CCDD::/16 relays to AA.BB.CC.DD.
  if (part(0) === 0x2002) return [ipv4FromParts(part(1), part(2))];
  // Teredo 2001:0::/32: server address in plain, client address inverted in the last 32 bits.
  if (part(0) === 0x2001 && part(1) === 0) {
    return [ipv4FromParts(part(2), part(3)), ipv4FromParts(part(6) ^ 0xffff, part(7) ^ 0xffff)];
  }
  return null;
}

function ipv6Reason(address: IPv6): string | null {
  const embedded = embeddedIpv4(address);
  if (embedded === "deprecated") return SPECIAL_PURPOSE;
  if (embedded) {
    for (const inner of embedded) {
      const reason = ipv4Reason(inner);
      if (reason) return reason;
    }
    return null;
  }
  const range = address.range();
  if (range === "unicast") return null;
  return IPV6_REASONS[range] ?? SPECIAL_PURPOSE;
}

/**
 * Why a resolved address must not be contacted ("loopback addresses", ...), or null when it is an
 * ordinary public unicast address. Unparseable input is forbidden.
 */
export function forbiddenAddressReason(ip: string): string | null {
  const text = ip.trim().replace(/^\[(.*)\]$/, "$1");
  if (DOTTED_QUAD.test(text)) return ipv4Reason(ipaddr.IPv4.parse(text));
  const v6 = canonicalIpv6(text);
  if (v6 !== null) return ipv6Reason(ipaddr.IPv6.parse(v6));
  return "addresses that cannot be parsed";
}

// Ranges no allow-list entry can open: nothing self-hosted lives there, and cloud metadata does.
const NEVER_RANGES = new Set(["linkLocal", "unspecified", "multicast", "broadcast"]);
// Cloud metadata services outside the link-local range (AWS over IPv6, Alibaba Cloud).
const METADATA_ADDRESSES = new Set(["fd00:ec2::254", "100.100.100.200"]);

/**
 * Why an address may never be contacted, even through an admin's allow-list of private hosts:
 * link-local (cloud metadata lives there), cloud metadata addresses, unspecified, multicast and
 * broadcast. IPv4 carried in IPv6 (mapped, NAT64, 6to4, Teredo) is judged by its IPv4 address.
 * Null for loopback, private and public addresses. Unparseable input is refused.
 */
export function neverAllowedAddressReason(ip: string): string | null {
  const text = ip.trim().replace(/^\[(.*)\]$/, "$1");
  let candidates: Array<IPv4 | IPv6>;
  if (DOTTED_QUAD.test(text)) candidates = [ipaddr.IPv4.parse(text)];
  else {
    const v6 = canonicalIpv6(text);
    if (v6 === null) return "addresses that cannot be parsed";
    const address = ipaddr.IPv6.parse(v6);
    const embedded = embeddedIpv4(address);
    if (embedded === "deprecated") return SPECIAL_PURPOSE; // ::a.b.c.d: no self-hosted service is reached that way
    candidates = embedded ? [address, ...embedded] : [address];
  }
  for (const address of candidates) {
    if (METADATA_ADDRESSES.has(address.toString())) return "cloud metadata addresses";
    const range = address.range();
    if (NEVER_RANGES.has(range)) return (address.kind() === "ipv4" ? IPV4_REASONS : IPV6_REASONS)[range] ?? SPECIAL_PURPOSE;
  }
  return null;
}

export function isForbiddenAddress(ip: string): boolean {
  return forbiddenAddressReason(ip) !== null;
}

// Every legacy IPv4 spelling (2130706433, 0x7f.1, 0177.0.0.1, 127.1) uses only these characters.
const IPV4_SPELLING = /^[0-9a-fx.]+$/i;

/**
 * The canonical IP address a URL host stands for ("127.0.0.1", "::ffff:7f00:1"), or null when the
 * host is a name. Legacy IPv4 spellings are decoded by the WHATWG URL parser, the same one that
 * decides which address an http(s) request connects to, so the two can never disagree.
 */
export function parseHostLiteral(host: string): string | null {
  const text = host.trim();
  const bracketed = /^\[(.*)\]$/.exec(text);
  const v6 = bracketed ? bracketed[1] : text;
  if (v6 !== undefined && v6.includes(":")) return canonicalIpv6(v6);
  if (!IPV4_SPELLING.test(text)) return null;
  let hostname: string;
  try {
    hostname = new URL(`http://${text}/`).hostname;
  } catch {
    return null;
  }
  return ipaddr.IPv4.isValidFourPartDecimal(hostname) ? hostname : null;
}

function normaliseHost(host: string): string {
  const bare = host.trim().toLowerCase().replace(/\.$/, "");
  return parseHostLiteral(bare) ?? bare.replace(/^\[(.*)\]$/, "$1");
}

type AllowlistEntry = { host: string; port: number | null };

/** "host", "host:port", "[v6]", "[v6]:port" or a bare IPv6 address; null for anything else. */
function parseAllowlistEntry(entry: string): AllowlistEntry | null {
  const text = entry.trim();
  if (!text) return null;
  const bracketed = /^\[([^\]]+)\](?::(\d{1,5}))?$/.exec(text);
  if (bracketed?.[1]) return { host: normaliseHost(bracketed[1]), port: parsePort(bracketed[2]) };
  if (text.indexOf(":") !== text.lastIndexOf(":")) {
    return canonicalIpv6(text) !== null ? { host: normaliseHost(text), port: null } : null;
  }
  const [host, port] = text.split(":");
  if (!host) return null;
  if (port !== undefined && parsePort(port) === null) return null;
  return { host: normaliseHost(host), port: parsePort(port) };
}

function parsePort(text: string | undefined): number | null {
  if (text === undefined || !/^\d{1,5}$/.test(text)) return null;
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : null;
}

/**
 * Whether an admin allow-listed this host (any port) or this host:port, letting it resolve to a
 * private address. Hosts compare case-insensitively, and IP literals by value, so "127.0.0.1:8080"
 * also matches http://2130706433:8080/. Malformed entries match nothing.
 */
export function isAllowedPrivateHost(host: string, port: number, allowlist: readonly string[]): boolean {
  const wanted = normaliseHost(host);
  return allowlist.some((raw) => {
    const entry = parseAllowlistEntry(raw);
    return entry !== null && entry.host === wanted && (entry.port === null || entry.port === port);
  });
}

/**
 * The part of the allow-list that requests to these URLs (an action's servers) may use: for each URL
 * whose host and port an admin allow-listed, that exact "host:port". Everything else on the list is
 * left out, so an action can reach a private host only when its own document names it, and a
 * redirect can't take it to another allow-listed host or port. URLs that don't parse open nothing.
 */
export function allowlistForUrls(urls: readonly string[], allowlist: readonly string[]): string[] {
  const scoped: string[] = [];
  for (const text of urls) {
    let url: URL;
    try {
      url = new URL(text);
    } catch {
      continue;
    }
    if (url.protocol !== "http:" && url.protocol !== "https:") continue;
    const port = url.port ? Number(url.port) : url.protocol === "https:" ? 443 : 80;
    if (!isAllowedPrivateHost(url.hostname, port, allowlist)) continue;
    const literal = parseHostLiteral(url.hostname);
    const host = literal === null ? url.hostname.toLowerCase().replace(/\.$/, "") : literal.includes(":") ? `[${literal}]` : literal;
    const entry = `${host}:${port}`;
    if (!scoped.includes(entry)) scoped.push(entry);
  }
  return scoped;
}
