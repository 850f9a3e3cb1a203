import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { connectTestDatabase } from "@/lib/testing/test-database";
import { startTcpProxy, type TcpProxy } from "@/lib/testing/tcp-proxy";

describe("startTcpProxy", () => {
  let proxy: TcpProxy;
  let url: string;

  beforeAll(async () => {
    const direct = new URL(connectTestDatabase());
    proxy = await startTcpProxy({ host: direct.hostname, port: Number(direct.port || 5432) });
    url = proxy.rewrite(direct.toString());
  });

  afterAll(() => proxy.close());

  it("passes PostgreSQL through, then cuts open and new connections, then lets them through again", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    expect((await client.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    expect(proxy.connections).toBe(1);

    // pg reports a lost connection as an "error" event (more than once: every one must be listened to).
    const lost = new Promise<Error>((resolve) => client.on("error", resolve));
    proxy.cut();
    await expect(lost).resolves.toBeInstanceOf(Error);
    await expect(new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 }).connect()).rejects.toThrow();

    proxy.restore();
    const again = new pg.Client({ connectionString: url });
    await again.connect();
    expect((await again.query<{ one: number }>("SELECT 1 AS one")).rows[0]?.one).toBe(1);
    await again.end();
  });
});
