// One user's first minutes against a running Switchboard (deploy/image/test.sh runs it against the
// image): sign up (the first account is the admin), sign in, one chat turn on the endpoint seeded from
// OPENAI_COMPATIBLE_*, then the turn must show in /api/metrics. Exits non-zero with a reason.
//   node --import tsx deploy/image/smoke.ts --url http://127.0.0.1:3000 --metrics-token TOKEN
import { parseArgs } from "node:util";

const { values } = parseArgs({ options: { url: { type: "string" }, "metrics-token": { type: "string" } } });
const base = values.url ?? "http://127.0.0.1:3000";
const email = `image-smoke-${Date.now()}@switchboard.test`;
const password = "image-smoke-password-1";

function fail(message: string): never {
  console.error(`[smoke] FAILED: ${message}`);
  process.exit(1);
}

const cookiesOf = (res: Response) => res.headers.getSetCookie().map((cookie) => cookie.split(";")[0] ?? "");

async function signIn(): Promise<string> {
  const signUp = await fetch(`${base}/api/sign-up`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password }) });
  if (!signUp.ok) fail(`sign-up answered ${signUp.status}: ${await signUp.text()}`);
  const csrf = await fetch(`${base}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await fetch(`${base}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: cookiesOf(csrf).join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, json: "true" }),
  });
  const session = cookiesOf(res).find((cookie) => cookie.startsWith("next-auth.session-token="));
  if (!session) fail(`sign-in answered ${res.status} without a session cookie`);
  return session;
}

async function chat(cookie: string): Promise<string> {
  const started = performance.now();
  const res = await fetch(`${base}/api/chat`, {
    method: "POST",
    headers: { "Content-Type": "application/json", Cookie: cookie },
    body: JSON.stringify({ message: { text: "Hello from the image test" } }),
  });
  const body = await res.text();
  if (!res.ok) fail(`POST /api/chat answered ${res.status}: ${body.slice(0, 500)}`);
  const events = body
    .split("\n")
    .filter((line) => line.startsWith("data: ") && line !== "data: [DONE]")
    .map((line) => JSON.parse(line.slice(6)) as { type: string; delta?: string; errorText?: string });
  const error = events.find((event) => event.type === "error");
  if (error) fail(`the turn failed: ${error.errorText ?? "(no text)"}`);
  const text = events.flatMap((event) => (event.type === "text-delta" && event.delta ? [event.delta] : [])).join("");
  if (!text) fail(`the answer had no text: ${body.slice(0, 500)}`);
  if (!events.some((event) => event.type === "finish")) fail("the stream ended without a finish event");
  console.log(`[smoke] chat turn answered in ${Math.round(performance.now() - started)} ms: ${JSON.stringify(text.slice(0, 80))}`);
  return text;
}

async function checkMetrics(token: string): Promise<void> {
  // The answer is saved (and counted) as the stream ends; give the write a moment.
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const res = await fetch(`${base}/api/metrics`, { headers: { Authorization: `Bearer ${token}` } });
    if (!res.ok) fail(`/api/metrics answered ${res.status}`);
    const line = (await res.text()).split("\n").find((candidate) => candidate.startsWith("switchboard_chat_turns_total{") && candidate.includes('status="complete"'));
    if (line) {
      console.log(`[smoke] metrics: ${line}`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  fail("/api/metrics never counted the completed turn");
}

const cookie = await signIn();
console.log(`[smoke] signed up and signed in as ${email}`);
await chat(cookie);
if (values["metrics-token"]) await checkMetrics(values["metrics-token"]);
console.log("[smoke] ok");
