// Pure checks only: nothing here resolves a name or opens a socket.
import { describe, expect, it } from "vitest";
import {
  allowlistForUrls,
  forbiddenAddressReason,
  isAllowedPrivateHost,
  isForbiddenAddress,
  neverAllowedAddressReason,
  parseHostLiteral,
} from "@/lib/net/address-policy";

/** What safe-fetch does with a URL host: decode the literal, then judge the address. */
function hostIsForbidden(host: string): boolean {
  const ip = parseHostLiteral(host);
  if (ip === null) throw new Error(`${host} was not recognised as an IP literal`);
  return isForbiddenAddress(ip);
}

describe("isForbiddenAddress", () => {
  it.each([
    ["169.254.169.254", "link-local"],
    ["10.0.0.1", "private"],
    ["172.16.5.4", "private"],
    ["172.31.255.255", "private"],
    ["192.168.1.1", "private"],
    ["100.64.0.1", "carrier-grade NAT"],
    ["127.0.0.1", "loopback"],
    ["127.0.0.2", "loopback"],
    ["0.0.0.0", "unspecified"],
    ["0.1.2.3", "unspecified"],
    ["224.0.0.1", "multicast"],
    ["255.255.255.255", "broadcast"],
    ["240.0.0.1", "reserved"],
    ["192.0.2.1", "reserved"],
  ])("refuses IPv4 %s (%s)", (ip, reason) => {
    expect(isForbiddenAddress(ip)).toBe(true);
    expect(forbiddenAddressReason(ip)).toContain(reason);
  });

  it.each([
    ["::1", "loopback"],
    ["::", "unspecified"],
    ["fd00::1", "private"],
    ["fc00::1", "private"],
    ["fe80::1", "link-local"],
    ["fe80::1%eth0", "link-local"],
    ["ff02::1", "multicast"],
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["::ffff:a9fe:a9fe", "link-local"],
    ["::ffff:0:a00:1", "private"],
    ["::127.0.0.1", "reserved"],
    ["::7f00:1", "reserved"],
    ["[::ffff:0x7f.0.0.1]", "cannot be parsed"],
    ["::8.8.8.8", "reserved"],
    ["64:ff9b::a00:1", "private"],
    ["2002:7f00:1::1", "loopback"],
    ["2002:c0a8:101::1", "private"],
    ["2001:db8::1", "reserved"],
    ["[::1]", "loopback"],
  ])("refuses IPv6 %s (%s)", (ip, reason) => {
    expect(isForbiddenAddress(ip)).toBe(true);
    expect(forbiddenAddressReason(ip)).toContain(reason);
  });

  it("refuses a Teredo address whose inverted client address is loopback", () => {
    // Client 127.0.0.1 is stored inverted: ~0x7f00 = 0x80ff, ~0x0001 = 0xfffe.
    expect(isForbiddenAddress("2001:0:4136:e378:8000:63bf:80ff:fffe")).toBe(true);
  });

  it.each(["8.8.8.8", "1.1.1.1", "93.184.216.34", "2606:4700::1111", "2001:4860:4860::8888", "::ffff:8.8.8.8", "64:ff9b::808:808"])(
    "allows public %s",
    (ip) => {
      expect(isForbiddenAddress(ip)).toBe(false);
      expect(forbiddenAddressReason(ip)).toBeNull();
    },
  );

  it.each(["", "localhost", "not-an-ip", "999.1.1.1", "127.1"])("fails closed on %j", (ip) => {
    expect(isForbiddenAddress(ip)).toBe(true);
  });
});

describe("neverAllowedAddressReason (what no allow-list opens)", () => {
  it.each([
    ["169.254.169.254", /link-local/],
    ["169.254.0.1", /link-local/],
    ["fe80::1", /link-local/],
    ["::ffff:169.254.169.254", /link-local/],
    ["64:ff9b::a9fe:a9fe", /link-local/],
    ["fd00:ec2::254", /cloud metadata/],
    ["100.100.100.200", /cloud metadata/],
    ["0.0.0.0", /unspecified/],
    ["::", /unspecified/],
    ["224.0.0.1", /multicast/],
    ["ff02::1", /multicast/],
    ["255.255.255.255", /broadcast/],
    ["::169.254.169.254", /special-purpose/],
    ["not an address", /cannot be parsed/],
  ])("refuses %s", (ip, reason) => {
    expect(neverAllowedAddressReason(ip)).toMatch(reason);
  });

  it.each(["127.0.0.1", "::1", "10.0.0.5", "192.168.1.10", "fd00::5", "::ffff:10.0.0.5", "8.8.8.8"])("leaves %s to the allow-list", (ip) => {
    expect(neverAllowedAddressReason(ip)).toBeNull();
  });
});

describe("parseHostLiteral", () => {
  it.each([
    ["127.0.0.1", "127.0.0.1"],
    ["2130706433", "127.0.0.1"],
    ["0x7f000001", "127.0.0.1"],
    ["017700000001", "127.0.0.1"],
    ["0177.0.0.1", "127.0.0.1"],
    ["0x7f.0.0.1", "127.0.0.1"],
    ["127.1", "127.0.0.1"],
    ["127.0.0.1.", "127.0.0.1"],
    ["0", "0.0.0.0"],
    ["[::1]", "::1"],
    ["[0:0:0:0:0:0:0:1]", "::1"],
    ["[::ffff:127.0.0.1]", "::ffff:7f00:1"],
    ["[::ffff:7f00:1]", "::ffff:7f00:1"],
    ["[FD00::1]", "fd00::1"],
    ["fe80::1", "fe80::1"],
  ])("reads %s as %s", (host, ip) => {
    expect(parseHostLiteral(host)).toBe(ip);
  });

  it.each(["example.com", "localhost", "deadbeef", "1.2.3.4.5", "256.0.0.1", "[not-v6]", "127.0.0.1@evil.com", ""])(
    "returns null for the non-literal %j",
    (host) => {
      expect(parseHostLiteral(host)).toBeNull();
    },
  );

  it.each(["169.254.169.254", "10.0.0.1", "172.16.5.4", "192.168.1.1", "100.64.0.1", "[fd00::1]", "[fe80::1]", "[::1]", "[::ffff:127.0.0.1]", "[::ffff:7f00:1]", "0.0.0.0", "2130706433", "0x7f000001", "017700000001", "127.1"])(
    "every spelling of a forbidden host is refused: %s",
    (host) => {
      expect(hostIsForbidden(host)).toBe(true);
    },
  );

  it("agrees with the URL parser that decides where a request goes", () => {
    for (const host of ["2130706433", "0x7f.1", "0177.0.0.1"]) {
      expect(new URL(`http://${host}:8080/`).hostname).toBe(parseHostLiteral(host));
    }
  });

  it.each(["8.8.8.8", "[2606:4700::1111]"])("leaves the public %s allowed", (host) => {
    expect(hostIsForbidden(host)).toBe(false);
  });
});

describe("isAllowedPrivateHost", () => {
  const allowlist = ["nas.local", "127.0.0.1:8080", "[fd00::5]:9000", "::1", "Wiki.Home.Arpa."];

  it("matches a bare host on any port", () => {
    expect(isAllowedPrivateHost("nas.local", 80, allowlist)).toBe(true);
    expect(isAllowedPrivateHost("NAS.LOCAL", 5000, allowlist)).toBe(true);
    expect(isAllowedPrivateHost("[::1]", 1234, allowlist)).toBe(true);
  });

  it("matches host:port only on that port", () => {
    expect(isAllowedPrivateHost("127.0.0.1", 8080, allowlist)).toBe(true);
    expect(isAllowedPrivateHost("127.0.0.1", 8081, allowlist)).toBe(false);
    expect(isAllowedPrivateHost("[fd00::5]", 9000, allowlist)).toBe(true);
    expect(isAllowedPrivateHost("fd00::5", 9001, allowlist)).toBe(false);
  });

  it("compares IP literals by value and names without the trailing dot", () => {
    expect(isAllowedPrivateHost("2130706433", 8080, allowlist)).toBe(true);
    expect(isAllowedPrivateHost("wiki.home.arpa", 443, allowlist)).toBe(true);
  });

  it("does not match other hosts, look-alikes or malformed entries", () => {
    expect(isAllowedPrivateHost("127.0.0.2", 8080, allowlist)).toBe(false);
    expect(isAllowedPrivateHost("nas.local.evil.com", 80, allowlist)).toBe(false);
    expect(isAllowedPrivateHost("evil", 80, ["evil:notaport", "evil:99999", ":80", ""])).toBe(false);
    expect(isAllowedPrivateHost("localhost", 80, [])).toBe(false);
  });
});

describe("allowlistForUrls (what one action's servers may use of the allow-list)", () => {
  const allowlist = ["wiki.internal", "10.0.0.5:8080", "[fd00::1]:9000", "tickets.lan:443"];

  it("keeps only the allow-listed hosts the URLs name, each narrowed to the port the URL uses", () => {
    expect(allowlistForUrls(["http://Wiki.Internal:8080/api/v1"], allowlist)).toEqual(["wiki.internal:8080"]);
    expect(allowlistForUrls(["https://tickets.lan/api", "http://10.0.0.5:8080"], allowlist)).toEqual(["tickets.lan:443", "10.0.0.5:8080"]);
    expect(allowlistForUrls(["http://[fd00::1]:9000/", "http://[fd00:0::1]:9000/x"], allowlist)).toEqual(["[fd00::1]:9000"]);
  });

  it("leaves out what the URLs don't name, other ports of a host:port entry, and URLs that don't parse", () => {
    expect(allowlistForUrls(["https://api.example.com/v1"], allowlist)).toEqual([]);
    expect(allowlistForUrls(["http://10.0.0.5:8081/"], allowlist)).toEqual([]);
    expect(allowlistForUrls(["not a url", "ftp://wiki.internal/"], allowlist)).toEqual([]);
    expect(allowlistForUrls([], allowlist)).toEqual([]);
  });

  it("matches IP literals by value, so a legacy spelling opens the canonical entry only", () => {
    const scoped = allowlistForUrls(["http://167772165:8080/"], allowlist);
    expect(scoped).toEqual(["10.0.0.5:8080"]);
    // The narrowed list opens the action's own server and not the rest of the admin's list.
    expect(isAllowedPrivateHost("10.0.0.5", 8080, scoped)).toBe(true);
    expect(isAllowedPrivateHost("wiki.internal", 80, scoped)).toBe(false);
    expect(isAllowedPrivateHost("fd00::1", 9000, scoped)).toBe(false);
  });
});
