// The API path of `npm run bench`: time to first token through POST /api/v1/chat/completions
// (streaming, a personal API key) for a plain model and for an assistant without tools, next to the
// browser chat path (POST /api/chat) and the fake server called directly, at the same concurrency.
// The API client sends the same 50 messages of history the browser path loads from the database.
import { fmt, percentile, pool, cpuMs } from "./stats";
import { timeApiCompletion, timeAppTurn, timeDirect, type StreamTiming } from "./streams";

export type ApiPathSetup = {
  appUrl: string;
  appPid: number;
  fakeUrl: string;
  cookie: string;
  apiKey: string;
  /** The plain model's public id (GET /api/v1/models) and the assistant's `assistant:<slug>`. */
  modelId: string;
  assistantModelId: string;
  takeConversation: () => string;
  /** Database statements the app has sent so far (bench/pg-proxy.ts). */
  statements: () => number;
  report: (line: string) => void;
};

const HISTORY = Array.from({ length: 50 }, (_, index) => ({
  role: index % 2 === 0 ? "user" : "assistant",
  content: `Message number ${index + 1} of a benchmark conversation, with a few more words to be realistic.`,
}));

const completionBody = (model: string) => ({ model, stream: true, stream_options: { include_usage: true }, messages: [...HISTORY, { role: "user", content: "hello there" }] });

type Measured = { label: string; ttft: number[]; failed: number; statements: number; cpu: number };

async function measure(setup: ApiPathSetup, label: string, runs: number, concurrency: number, task: () => Promise<StreamTiming>): Promise<Measured> {
  const statementsBefore = setup.statements();
  const cpuBefore = cpuMs(setup.appPid);
  const timings = await pool(runs, concurrency, task);
  return {
    label,
    ttft: timings.map((timing) => timing.ttftMs),
    failed: timings.filter((timing) => !timing.ok || timing.tokens === 0).length,
    statements: (setup.statements() - statementsBefore) / runs,
    cpu: (cpuMs(setup.appPid) - cpuBefore) / runs,
  };
}

const cell = (ms: number) => fmt(ms).padStart(9);

export async function benchApiPath(setup: ApiPathSetup, runsAt: ReadonlyArray<readonly [concurrency: number, runs: number]>): Promise<void> {
  const { report } = setup;
  const browser = () => timeAppTurn(setup.appUrl, setup.cookie, { conversationId: setup.takeConversation(), message: { text: "hello there" } });
  const api = (model: string) => () => timeApiCompletion(setup.appUrl, setup.apiKey, completionBody(model));
  for (let i = 0; i < 10; i += 1) {
    await api(setup.modelId)();
    await api(setup.assistantModelId)();
  }

  report("");
  report("API path: time to first token, POST /api/v1/chat/completions (stream) vs the browser chat, 50 messages of history:");
  for (const [concurrency, runs] of runsAt) {
    const direct = await pool(runs, concurrency, () => timeDirect(setup.fakeUrl, "hello there"));
    const directTtft = direct.map((timing) => timing.ttftMs);
    const paths = [
      await measure(setup, "browser chat (POST /api/chat)", runs, concurrency, browser),
      await measure(setup, "API, plain model", runs, concurrency, api(setup.modelId)),
      await measure(setup, "API, assistant without tools", runs, concurrency, api(setup.assistantModelId)),
    ];
    const failed = paths.filter((path) => path.failed > 0).map((path) => `${path.failed} FAILED in ${path.label}`);
    report(` concurrency ${concurrency} (${runs} requests each${failed.length ? `; ${failed.join(", ")}` : ""}):`);
    report(`  ${"direct to the fake server".padEnd(44)} p50 ${cell(percentile(directTtft, 50))}  p99 ${cell(percentile(directTtft, 99))}`);
    const [browserPath] = paths;
    const added = (values: number[], p: number) => percentile(values, p) - percentile(directTtft, p);
    for (const path of paths) {
      const ratio = path === browserPath || !browserPath ? "" : `  (${((added(path.ttft, 50) / added(browserPath.ttft, 50)) * 100).toFixed(0)}% of the browser's p50 overhead)`;
      report(`  ${path.label.padEnd(44)} p50 ${cell(percentile(path.ttft, 50))}  p99 ${cell(percentile(path.ttft, 99))}`);
      report(`  ${"  added over direct".padEnd(44)} p50 ${cell(added(path.ttft, 50))}  p99 ${cell(added(path.ttft, 99))}${ratio}`);
      report(`  ${"  per request".padEnd(44)} ${path.statements.toFixed(1)} database statements, ${path.cpu.toFixed(1)} ms app CPU`);
    }
  }
}
