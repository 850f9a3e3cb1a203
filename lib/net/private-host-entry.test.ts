// The admin allow-list entries: checked, normalised, and stored in the form safe-fetch matches.
import { describe, expect, it } from "vitest";
import { isAllowedPrivateHost } from "@/lib/net/address-policy";
import { MAX_PRIVATE_HOSTS, normalisePrivateHostEntry, normalisePrivateHosts } from "@/lib/net/private-host-entry";

function entry(text: string): string {
  const result = normalisePrivateHostEntry(text);
  if (!result.ok) throw new Error(`expected ${text} to be accepted: ${result.error}`);
  return result.entry;
}

function refusal(text: string): string {
  const result = normalisePrivateHostEntry(text);
  if (result.ok) throw new Error(`expected ${text} to be refused, got ${result.entry}`);
  return result.error;
}

describe("normalisePrivateHostEntry", () => {
  it.each([
    ["wiki.internal", "wiki.internal"],
    ["  Wiki.Internal  ", "wiki.internal"],
    ["wiki.internal.", "wiki.internal"],
    ["WIKI.internal:8080", "wiki.internal:8080"],
    ["localhost:3000", "localhost:3000"],
    ["my_service:80", "my_service:80"],
    ["10.0.0.5", "10.0.0.5"],
    ["192.168.1.20:8443", "192.168.1.20:8443"],
    ["127.0.0.1:9000", "127.0.0.1:9000"],
    // Legacy IPv4 spellings are stored as the address they stand for.
    ["127.1:9000", "127.0.0.1:9000"],
    ["2130706433", "127.0.0.1"],
    ["[FD00::5]", "[fd00::5]"],
    ["[fd00:0:0:0:0:0:0:5]:8080", "[fd00::5]:8080"],
    ["[::1]:11434", "[::1]:11434"],
  ])("accepts %j as %j", (text, expected) => {
    expect(entry(text)).toBe(expected);
  });

  it("explains what is wrong with anything else", () => {
    expect(refusal("http://wiki.internal")).toBe("“http://wiki.internal”: enter just the host (and port), without http://.");
    expect(refusal("wiki.internal/api")).toMatch(/without a path/);
    expect(refusal("user@wiki.internal")).toMatch(/without a path, query, user name/);
    expect(refusal("wiki internal")).toMatch(/spaces/);
    expect(refusal("wiki.internal:0")).toMatch(/port must be a number from 1 to 65535/);
    expect(refusal("wiki.internal:99999")).toMatch(/port must be a number/);
    expect(refusal("wiki.internal:http")).toMatch(/port must be a number/);
    expect(refusal("fd00::5")).toMatch(/put an IPv6 address in brackets/);
    expect(refusal("[wiki.internal]:80")).toMatch(/only IPv6 addresses go in brackets/);
    expect(refusal("[fd00::zz]")).toMatch(/not a valid IPv6 address/);
    expect(refusal("*.internal")).toMatch(/is not a host name/);
    expect(refusal("-bad-.internal")).toMatch(/is not a host name/);
    expect(refusal("   ")).toBe("An entry is empty.");
  });

  it("never allows link-local, metadata, unspecified, multicast or broadcast addresses", () => {
    expect(refusal("169.254.169.254")).toMatch(/link-local addresses \(this includes cloud metadata endpoints\) are out of bounds/);
    expect(refusal("169.254.169.254:80")).toMatch(/link-local/);
    expect(refusal("[::ffff:169.254.169.254]")).toMatch(/link-local/);
    expect(refusal("[fe80::1]")).toMatch(/link-local/);
    expect(refusal("[fd00:ec2::254]")).toMatch(/cloud metadata addresses are out of bounds/);
    expect(refusal("100.100.100.200")).toMatch(/cloud metadata addresses are out of bounds/);
    expect(refusal("metadata.google.internal")).toMatch(/cloud metadata service/);
    expect(refusal("0.0.0.0")).toMatch(/unspecified addresses/);
    expect(refusal("[::]")).toMatch(/unspecified addresses/);
    expect(refusal("224.0.0.1")).toMatch(/multicast addresses/);
    expect(refusal("255.255.255.255")).toMatch(/broadcast addresses/);
  });

  it("stores entries in a form safe-fetch's allow-list matching understands", () => {
    const hosts = ["wiki.internal:8080", "[FD00::5]", "127.1:9000"].map(entry);
    expect(isAllowedPrivateHost("wiki.internal", 8080, hosts)).toBe(true);
    expect(isAllowedPrivateHost("wiki.internal", 8081, hosts)).toBe(false);
    expect(isAllowedPrivateHost("[fd00::5]", 443, hosts)).toBe(true);
    expect(isAllowedPrivateHost("127.0.0.1", 9000, hosts)).toBe(true);
    expect(isAllowedPrivateHost("127.0.0.1", 9001, hosts)).toBe(false);
  });
});

describe("normalisePrivateHosts", () => {
  it("skips blank lines and drops duplicates after normalising", () => {
    expect(normalisePrivateHosts(["wiki.internal", "", "  ", "WIKI.internal", "10.0.0.5:80", "10.0.0.5:80"])).toEqual({ ok: true, hosts: ["wiki.internal", "10.0.0.5:80"] });
  });

  it("reports the first bad entry and caps the list", () => {
    expect(normalisePrivateHosts(["wiki.internal", "https://x.internal/"])).toEqual({ ok: false, error: "“https://x.internal/”: enter just the host (and port), without https://." });
    const many = Array.from({ length: MAX_PRIVATE_HOSTS + 1 }, (_, i) => `host-${i}.internal`);
    expect(normalisePrivateHosts(many)).toEqual({ ok: false, error: `At most ${MAX_PRIVATE_HOSTS} private hosts can be allowed.` });
  });
});
