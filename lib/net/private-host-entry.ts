// The admin's allow-list of private hosts actions may reach ("host" or "host:port"; each action only
// those its own document names as servers, and never the fetch_page tool):
// each entry is checked and written in the one form lib/net/address-policy.ts matches —
// lower-case, no scheme or path, IP addresses canonical and IPv6 in brackets. Addresses that are
// never a self-hosted service (link-local and cloud metadata, unspecified, multicast, broadcast)
// cannot be allowed at all.
import { neverAllowedAddressReason, parseHostLiteral } from "@/lib/net/address-policy";

export const MAX_PRIVATE_HOSTS = 50;

export type PrivateHostEntryResult = { ok: true; entry: string } | { ok: false; error: string };

// Cloud metadata services by name (their addresses are refused by neverAllowedAddressReason).
const METADATA_NAMES = new Set(["metadata.google.internal", "metadata.goog", "metadata", "instance-data", "instance-data.ec2.internal"]);
// RFC 1123 labels; underscores too, as container and compose service names use them.
const HOST_NAME = /^(?=.{1,253}$)[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?(?:\.[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?)*$/;

function parsePort(text: string | undefined): number | null | "bad" {
  if (text === undefined) return null;
  if (!/^\d{1,5}$/.test(text)) return "bad";
  const port = Number(text);
  return port >= 1 && port <= 65535 ? port : "bad";
}

/** One allow-list entry as an admin typed it, checked and normalised. */
export function normalisePrivateHostEntry(raw: string): PrivateHostEntryResult {
  const text = raw.trim().toLowerCase();
  const shown = raw.trim();
  if (!text) return { ok: false, error: "An entry is empty." };
  if (text.includes("://")) return { ok: false, error: `“${shown}”: enter just the host (and port), without ${text.slice(0, text.indexOf("://") + 3)}.` };
  if (/[/?#@\s]/.test(text)) return { ok: false, error: `“${shown}”: enter just a host or host:port, without a path, query, user name or spaces.` };

  let host: string;
  let portText: string | undefined;
  const bracketed = /^\[([^\]]+)\](?::([^:]*))?$/.exec(text);
  if (bracketed) {
    host = bracketed[1] ?? "";
    portText = bracketed[2];
    if (!host.includes(":")) return { ok: false, error: `“${shown}”: only IPv6 addresses go in brackets.` };
  } else if (text.indexOf(":") !== text.lastIndexOf(":")) {
    return { ok: false, error: `“${shown}”: put an IPv6 address in brackets, e.g. [fd00::1] or [fd00::1]:8080.` };
  } else {
    [host = "", portText] = text.split(":");
  }
  const port = parsePort(portText);
  if (port === "bad") return { ok: false, error: `“${shown}”: the port must be a number from 1 to 65535.` };
  const suffix = port === null ? "" : `:${port}`;

  const literal = parseHostLiteral(bracketed ? `[${host}]` : host);
  if (literal !== null) {
    const refused = neverAllowedAddressReason(literal);
    if (refused) return { ok: false, error: `“${shown}” can never be allowed: ${refused} are out of bounds for actions.` };
    return { ok: true, entry: `${literal.includes(":") ? `[${literal}]` : literal}${suffix}` };
  }
  if (bracketed) return { ok: false, error: `“${shown}” is not a valid IPv6 address.` };
  const name = host.replace(/\.$/, "");
  if (!HOST_NAME.test(name)) return { ok: false, error: `“${shown}” is not a host name, an IPv4 address or a bracketed IPv6 address.` };
  if (METADATA_NAMES.has(name)) return { ok: false, error: `“${shown}” is a cloud metadata service, which actions may never reach.` };
  return { ok: true, entry: `${name}${suffix}` };
}

/** The whole list: normalised, duplicates dropped, or the first problem as a sentence. */
export function normalisePrivateHosts(entries: readonly string[]): { ok: true; hosts: string[] } | { ok: false; error: string } {
  const hosts: string[] = [];
  for (const raw of entries) {
    if (!raw.trim()) continue;
    const result = normalisePrivateHostEntry(raw);
    if (!result.ok) return result;
    if (!hosts.includes(result.entry)) hosts.push(result.entry);
  }
  if (hosts.length > MAX_PRIVATE_HOSTS) return { ok: false, error: `At most ${MAX_PRIVATE_HOSTS} private hosts can be allowed.` };
  return { ok: true, hosts };
}
