// `npm run bench`: Switchboard's hot paths measured against the fake OpenAI-compatible server at zero
// added latency, direct vs through the app in the same run. Prints figures; asserts nothing.
// Options: --quick (smaller runs), --profile DIR (write a CPU profile of the app to DIR),
// --turns-only (only the time-to-first-token runs: a short loop for profiling the turn path).
import os from "node:os";
import { log } from "@/lib/cli/run";
import { applyMigrations } from "@/lib/cli/schema-engine";
import { startTestServer } from "@/lib/cli/test-databases";
import { parseEnv } from "@/lib/env";
import { benchApiPath } from "./api-path";
import { ensureBuild, signIn, startApp } from "./app-server";
import { startFakeProcess } from "./fake-process";
import { startCountingProxy } from "./pg-proxy";
import { seedApiKey, seedConversations, seedModel, userId, withClient } from "./seed";
import { cpuMs, fmt, percentile, pool, rssMiB } from "./stats";
import { timeAppTurn, timeDirect, type StreamTiming } from "./streams";

const lines: string[] = [];
const report = (line: string) => {
  lines.push(line);
  console.log(line);
};

function summary(label: string, values: number[]) {
  report(`  ${label.padEnd(44)} p50 ${fmt(percentile(values, 50)).padStart(9)}  p95 ${fmt(percentile(values, 95)).padStart(9)}  p99 ${fmt(percentile(values, 99)).padStart(9)}`);
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const turnsOnly = process.argv.includes("--turns-only");
  const { DATABASE_URL } = parseEnv(process.env);
  const server = await startTestServer(DATABASE_URL, log);
  // Each fake in its own process, like a real model server: the load generator here does not slow it.
  const fast = await startFakeProcess({ models: ["bench-model"] });
  const slow = await startFakeProcess({ models: ["bench-model"], chunkDelayMs: 20 });
  let app: Awaited<ReturnType<typeof startApp>> | null = null;
  const proxy = { current: null as Awaited<ReturnType<typeof startCountingProxy>> | null };
  try {
    const dbUrl = await server.createDatabase("sb_bench");
    await applyMigrations(dbUrl);
    await ensureBuild();
    proxy.current = await startCountingProxy(dbUrl);
    const profileAt = process.argv.indexOf("--profile");
    app = await startApp(proxy.current.url, profileAt === -1 ? undefined : (process.argv[profileAt + 1] ?? "bench-profiles"));
    const cookie = await signIn(app.url, "bench-admin@switchboard.test");
    // Public sign-up closes once the first account exists: open it for the second bench user.
    await withClient(dbUrl, (client) =>
      client.query(`INSERT INTO "Setting" (key, value, "updatedAt") VALUES ('signupOpen', 'true'::jsonb, now()) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value`),
    );
    const otherCookie = await signIn(app.url, "bench-other@switchboard.test");

    const ttftRuns = quick ? { one: 50, fifty: 200 } : { one: 200, fifty: 500 };
    // [concurrency, requests] of the API path's comparison.
    const apiRuns: ReadonlyArray<readonly [number, number]> = quick ? [[1, 50], [20, 200]] : [[1, 200], [20, 500]];
    const streams = quick ? 50 : 200;
    const { slowModel, fastModel, apiKey, conversations } = await withClient(dbUrl, async (client) => {
      const fastModelId = await seedModel(client, fast.url, "Fast fake", true);
      const slowModelId = await seedModel(client, slow.url, "Slow fake", false);
      const owner = await userId(client, "bench-admin@switchboard.test");
      log("Seeding conversations with 50 messages of history for the time-to-first-token runs…");
      // One conversation per turn: warm-up, both time-to-first-token runs, the browser turns of the API
      // comparison, and the concurrent streams.
      const browserTurnsOfApi = apiRuns.reduce((sum, [, runs]) => sum + runs, 0);
      const withHistory = await seedConversations(client, owner, 20 + ttftRuns.one + ttftRuns.fifty + browserTurnsOfApi + streams, 50, "History");
      return { slowModel: slowModelId, fastModel: fastModelId, apiKey: await seedApiKey(client, owner), conversations: withHistory };
    });
    let next = 0;
    const takeConversation = () => conversations[next++] ?? "";

    report(`Switchboard benchmarks — ${new Date().toISOString()}`);
    report(`Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? "cpu"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`);

    // Warm up both paths (JIT, connection pools, provider cache).
    for (let i = 0; i < 20; i += 1) {
      await timeDirect(fast.url, "warm up");
      await timeAppTurn(app.url, cookie, { conversationId: takeConversation(), message: { text: "warm up" } });
    }

    report("");
    report("Time to first token, fake server at zero latency, 50 messages of history:");
    for (const [concurrency, runs] of [
      [1, ttftRuns.one],
      [50, ttftRuns.fifty],
    ] as const) {
      const direct = await pool(runs, concurrency, () => timeDirect(fast.url, "hello there"));
      const statementsBefore = proxy.current.statements();
      const cpuBefore = cpuMs(app.pid);
      const viaApp = await pool(runs, concurrency, () => timeAppTurn(app!.url, cookie, { conversationId: takeConversation(), message: { text: "hello there" } }));
      const statements = (proxy.current.statements() - statementsBefore) / runs;
      const cpu = (cpuMs(app.pid) - cpuBefore) / runs;
      const failed = viaApp.filter((timing) => !timing.ok || timing.tokens === 0).length;
      const directTtft = direct.map((timing) => timing.ttftMs);
      const appTtft = viaApp.map((timing) => timing.ttftMs);
      report(` concurrency ${concurrency} (${runs} turns${failed ? `, ${failed} FAILED` : ""}):`);
      summary("direct to the fake server", directTtft);
      summary("through Switchboard", appTtft);
      report(
        `  ${"added by the app".padEnd(44)} p50 ${fmt(percentile(appTtft, 50) - percentile(directTtft, 50)).padStart(9)}  p95 ${fmt(percentile(appTtft, 95) - percentile(directTtft, 95)).padStart(9)}  p99 ${fmt(percentile(appTtft, 99) - percentile(directTtft, 99)).padStart(9)}`,
      );
      report(`  database statements per turn: ${statements.toFixed(1)}; app CPU per turn: ${cpu.toFixed(1)} ms`);
    }

    const api = await apiModelIds(app.url, cookie, apiKey, fastModel);
    await benchApiPath(
      {
        appUrl: app.url,
        appPid: app.pid,
        fakeUrl: fast.url,
        cookie,
        apiKey,
        ...api,
        takeConversation,
        statements: () => proxy.current?.statements() ?? 0,
        report,
      },
      apiRuns,
    );

    if (turnsOnly) return;

    report("");
    report(`${streams} concurrent streams on one Node process (fake sends a token every 20 ms, 100 tokens each):`);
    // The same load straight to the fake first: what the machine's own jitter is, without the app.
    const direct = await pool(streams, streams, () => timeDirect(slow.url, "[[words:100]]"));
    summary("gap beyond 20 ms, direct to the fake server", direct.flatMap((timing) => timing.gapsMs.map((gap) => gap - 20)));
    const baseline = rssMiB(app.pid);
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, rssMiB(app!.pid));
    }, 50);
    const timings: StreamTiming[] = await pool(streams, streams, () =>
      timeAppTurn(app!.url, cookie, { conversationId: takeConversation(), modelId: slowModel, message: { text: "[[words:100]]" } }),
    );
    clearInterval(sampler);
    const gaps = timings.flatMap((timing) => timing.gapsMs.map((gap) => gap - 20));
    const complete = timings.filter((timing) => timing.tokens === 100).length;
    summary("gap beyond 20 ms, through Switchboard", gaps);
    // The same, once every stream has its first token: without the burst of 200 turns starting at once.
    const allStreaming = Math.max(...timings.map((timing) => timing.tokenAt[0] ?? Number.POSITIVE_INFINITY));
    const steady = timings.flatMap((timing) => timing.gapsMs.filter((_, index) => (timing.tokenAt[index + 1] ?? 0) > allStreaming).map((gap) => gap - 20));
    summary(`  once all ${streams} are streaming (${steady.length} gaps)`, steady);
    const saved = await withClient(dbUrl, async (client) => {
      const result = await client.query<{ count: string }>(`SELECT count(*) FROM "Message" WHERE role = 'assistant' AND status = 'complete' AND parts::text LIKE '%w100%'`);
      return Number(result.rows[0]?.count ?? 0);
    });
    report(`  streams complete: ${complete}/${streams}; saved as complete: ${saved}/${streams}`);
    report(`  memory: ${baseline.toFixed(0)} MiB before, ${peak.toFixed(0)} MiB peak, ${((peak - baseline) / streams * 1024).toFixed(0)} KiB per active stream`);

    report("");
    const bulk = quick ? { conversations: 1000, per: 50 } : { conversations: 10_000, per: 50 };
    report(`Reading: ${bulk.conversations.toLocaleString("en")} conversations / ${(bulk.conversations * bulk.per).toLocaleString("en")} messages for one user, among others:`);
    const big = await withClient(dbUrl, async (client) => {
      const owner = await userId(client, "bench-other@switchboard.test");
      log("Seeding the large history (this takes a moment)…");
      await seedConversations(client, owner, bulk.conversations - 1, bulk.per, "Old");
      const [conversation] = await seedConversations(client, owner, 1, 500, "Long");
      // A settled database, as in production: pending GIN entries merged, visibility map set, statistics
      // fresh, and the seeding's writes flushed (else the checkpoint competes with the reads measured).
      await client.query("VACUUM ANALYZE");
      await client.query("CHECKPOINT");
      return conversation ?? "";
    });
    const sidebar: number[] = [];
    const open: number[] = [];
    // Warm up (routes compiled by the JIT, the new rows' pages in PostgreSQL's cache), as for turns.
    for (let i = 0; i < 5; i += 1) {
      await (await fetch(`${app.url}/api/conversations`, { headers: { Cookie: otherCookie } })).arrayBuffer();
      await (await fetch(`${app.url}/api/conversations/${big}`, { headers: { Cookie: otherCookie } })).arrayBuffer();
    }
    for (let i = 0; i < (quick ? 30 : 100); i += 1) {
      let started = performance.now();
      await (await fetch(`${app.url}/api/conversations`, { headers: { Cookie: otherCookie } })).arrayBuffer();
      sidebar.push(performance.now() - started);
      started = performance.now();
      await (await fetch(`${app.url}/api/conversations/${big}`, { headers: { Cookie: otherCookie } })).arrayBuffer();
      open.push(performance.now() - started);
    }
    summary("sidebar first page (GET /api/conversations)", sidebar);
    summary("open a 500-message conversation (API)", open);
    // Search: a word in every message (the worst case) and one in a single conversation's title.
    for (const [label, query] of [
      ["search, a word in every message", "benchmark"],
      ["search, a word in one title", `"Long 1"`],
    ] as const) {
      const timings: number[] = [];
      for (let i = 0; i < (quick ? 10 : 30); i += 1) {
        const started = performance.now();
        await (await fetch(`${app.url}/api/conversations?q=${encodeURIComponent(query)}`, { headers: { Cookie: otherCookie } })).arrayBuffer();
        timings.push(performance.now() - started);
      }
      summary(label, timings);
    }
  } finally {
    await app?.stop().catch(() => {});
    await proxy.current?.close();
    await fast.close();
    await slow.close();
    await server.dispose();
  }
}

/** The fast model's public API id, and an assistant without tools on it (made through the app). */
async function apiModelIds(appUrl: string, cookie: string, apiKey: string, fastModelId: string): Promise<{ modelId: string; assistantModelId: string }> {
  const created = await fetch(`${appUrl}/api/assistants`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ name: "Bench assistant", instructions: "You are the benchmark's assistant. Answer briefly.", modelId: fastModelId }),
  });
  if (created.status !== 201) throw new Error(`Creating the bench assistant answered ${created.status}: ${await created.text()}`);
  const models = (await (await fetch(`${appUrl}/api/v1/models`, { headers: { Authorization: `Bearer ${apiKey}` } })).json()) as { data: Array<{ id: string }> };
  const ids = models.data.map((model) => model.id);
  const modelId = ids.find((id) => id.startsWith("Fast fake/"));
  const assistantModelId = ids.find((id) => id.startsWith("assistant:"));
  if (!modelId || !assistantModelId) throw new Error(`GET /api/v1/models did not list the fast model and the assistant: ${ids.join(", ")}`);
  return { modelId, assistantModelId };
}

main()
  .then(() => process.exit(0))
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
