import { describe, expect, it } from "vitest";
import { canonicalAddress, resolveClientAddress } from "@/lib/net/client-address";
import { parseTrustProxy } from "@/lib/net/trust-proxy";

describe("resolveClientAddress", () => {
  it("without TRUST_PROXY uses the socket's peer and ignores X-Forwarded-For", () => {
    const trust = parseTrustProxy(undefined);
    expect(resolveClientAddress({ peer: "127.0.0.2", forwardedFor: "127.0.0.1" }, trust)).toBe("127.0.0.2");
    expect(resolveClientAddress({ peer: "10.1.2.3", forwardedFor: "203.0.113.9, 198.51.100.1" }, trust)).toBe("10.1.2.3");
  });

  it("writes an IPv4-mapped IPv6 peer as the plain IPv4 address (one client, one key)", () => {
    expect(resolveClientAddress({ peer: "::ffff:127.0.0.1", forwardedFor: null }, null)).toBe("127.0.0.1");
    expect(canonicalAddress("::FFFF:127.0.0.1")).toBe("127.0.0.1");
    expect(canonicalAddress("not an address")).toBeNull();
  });

  it("with TRUST_PROXY=true trusts one hop: the right-most entry, not the left-most one the client wrote", () => {
    const trust = parseTrustProxy("true");
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "127.0.0.1, 198.51.100.23" }, trust)).toBe("198.51.100.23");
  });

  it("with a hop count skips that many proxies from the right", () => {
    const trust = parseTrustProxy("2");
    expect(resolveClientAddress({ peer: "10.0.0.5", forwardedFor: "1.1.1.1, 198.51.100.23, 10.0.0.9" }, trust)).toBe("198.51.100.23");
  });

  it("with a CIDR list takes the right-most address outside it", () => {
    const trust = parseTrustProxy("10.0.0.0/8, loopback");
    expect(resolveClientAddress({ peer: "127.0.0.1", forwardedFor: "6.6.6.6, 198.51.100.23, 10.0.0.9, 10.0.0.8" }, trust)).toBe("198.51.100.23");
    // A peer outside the list is the client itself, whatever it forwards.
    expect(resolveClientAddress({ peer: "192.0.2.50", forwardedFor: "127.0.0.1" }, trust)).toBe("192.0.2.50");
  });

  it("without a stamped peer there is no address", () => {
    expect(resolveClientAddress({ peer: null, forwardedFor: "198.51.100.23" }, parseTrustProxy("true"))).toBeNull();
  });
});

describe("parseTrustProxy", () => {
  it("reads off, true, a hop count and a list", () => {
    expect(parseTrustProxy("")).toBeNull();
    expect(parseTrustProxy("false")).toBeNull();
    expect(parseTrustProxy("true")).toEqual({ hops: 1 });
    expect(parseTrustProxy("3")).toEqual({ hops: 3 });
    expect(parseTrustProxy("10.0.0.0/8,::1")).toEqual({ addresses: ["10.0.0.0/8", "::1"] });
  });

  it("says what is wrong with a bad value", () => {
    expect(() => parseTrustProxy("10.0.0.0/99")).toThrow(/must be true, a hop count, or a comma-separated list/);
  });
});
