import "server-only";
// The capability probe behind "Test connection": is the endpoint reachable and authorised (GET
// /models), does streaming text work, do streamed tool calls work (a tiny tool round trip whose
// random result the model must repeat in a second request, after the tool result: a server that
// refuses the history with a tool call in it fails here, not in a user's second message), and is
// token usage reported. Each check ends in a verdict with the upstream's words when it failed.
import { randomInt } from "node:crypto";
import { isStepCount, streamText, tool, ToolChoiceViolationError, type LanguageModel } from "ai";
import { z } from "zod";
import { discoverModels } from "@/lib/ai/discovery";
import { describeModelError } from "@/lib/ai/errors";
import { endpointApiKey, endpointHeaders, getLanguageModel, type EndpointConfig } from "@/lib/ai/providers";
import type { ProbeCheck, ProbeResult } from "@/lib/types/endpoints";

const PROBE_DEADLINE_MS = 30_000;

/** A number the model cannot guess: only a reply built from the tool's result contains it. */
export function magicNumber(): number {
  return randomInt(100_000, 1_000_000);
}

type StreamOutcome = { text: string; error: unknown; inputTokens?: number; outputTokens?: number; toolCalls: number; toolResults: number };

/** Runs one streamText call to the end and collects what a verdict needs, never throwing. */
async function runStream(options: Parameters<typeof streamText>[0]): Promise<StreamOutcome> {
  const outcome: StreamOutcome = { text: "", error: undefined, toolCalls: 0, toolResults: 0 };
  try {
    // Errors arrive as "error" parts below; onError only keeps the SDK from also logging them.
    const result = streamText({ ...options, maxRetries: 0, abortSignal: AbortSignal.timeout(PROBE_DEADLINE_MS), onError: () => {} });
    for await (const part of result.fullStream) {
      if (part.type === "text-delta") outcome.text += part.text;
      else if (part.type === "tool-call") outcome.toolCalls += 1;
      else if (part.type === "tool-result") outcome.toolResults += 1;
      else if (part.type === "error") outcome.error ??= part.error;
    }
    if (!outcome.error) {
      const usage = await result.totalUsage;
      outcome.inputTokens = usage.inputTokens;
      outcome.outputTokens = usage.outputTokens;
    }
  } catch (error) {
    outcome.error ??= error;
  }
  return outcome;
}

function statusOf(failure: { status?: number }): { status?: number } {
  return failure.status === undefined ? {} : { status: failure.status };
}

async function probeStreaming(model: LanguageModel, endpoint: EndpointConfig, secrets: string[]) {
  const outcome = await runStream({ model, prompt: "Reply with the single word: pong", maxOutputTokens: 16 });
  if (outcome.error) {
    const failure = describeModelError(outcome.error, endpoint, secrets);
    return { check: { id: "stream", ok: false, ...statusOf(failure), message: failure.message } satisfies ProbeCheck, outcome };
  }
  const ok = outcome.text.trim().length > 0;
  return {
    check: { id: "stream", ok, message: ok ? `Streamed a reply (${outcome.text.trim().slice(0, 40)}).` : "The stream ended without any text." } satisfies ProbeCheck,
    outcome,
  };
}

function usageCheck(outcome: StreamOutcome | null): ProbeCheck {
  if (!outcome || outcome.error) return { id: "usage", ok: false, skipped: true, message: "Skipped: streaming did not work." };
  if (typeof outcome.inputTokens === "number" && typeof outcome.outputTokens === "number" && outcome.inputTokens + outcome.outputTokens > 0) {
    return { id: "usage", ok: true, message: `Usage reported (${outcome.inputTokens} in, ${outcome.outputTokens} out).` };
  }
  return { id: "usage", ok: false, message: "The endpoint did not report token usage, so usage and costs will not be recorded." };
}

async function probeTools(model: LanguageModel, endpoint: EndpointConfig, secrets: string[], magic = magicNumber()): Promise<ProbeCheck> {
  const outcome = await runStream({
    model,
    prompt: "Call the get_magic_number tool, then tell me the number it returned.",
    tools: {
      get_magic_number: tool({
        description: "Returns the magic number for a label.",
        inputSchema: z.object({ label: z.string().describe("Any short label, e.g. test") }),
        execute: async () => ({ number: magic }),
      }),
    },
    // Force the call in the first step (tool_choice names the function), then let the model answer.
    prepareStep: ({ stepNumber }) => (stepNumber === 0 ? { toolChoice: { type: "tool", toolName: "get_magic_number" } } : { toolChoice: "none" }),
    stopWhen: isStepCount(2),
    maxOutputTokens: 64,
  });
  if (outcome.error && !ToolChoiceViolationError.isInstance(outcome.error)) {
    const failure = describeModelError(outcome.error, endpoint, secrets);
    return { id: "tools", ok: false, ...statusOf(failure), message: `Tool calls failed: ${failure.message}` };
  }
  if (outcome.toolCalls === 0) {
    return { id: "tools", ok: false, message: "The model answered without calling the tool. Tool calls may be switched off on this server (vLLM: --enable-auto-tool-choice; llama.cpp: --jinja)." };
  }
  if (outcome.toolResults === 0) {
    return { id: "tools", ok: false, message: "The tool call arrived but its arguments were not valid JSON for the tool's schema." };
  }
  if (!outcome.text.trim()) return { id: "tools", ok: false, message: "The tool ran, but the model did not answer after getting its result." };
  if (!outcome.text.includes(String(magic))) {
    return {
      id: "tools",
      ok: false,
      message: `The tool returned ${magic}, but the model's answer did not contain it (“${outcome.text.trim().slice(0, 80)}”): it may not see tool results.`,
    };
  }
  return { id: "tools", ok: true, message: `A streamed tool call made a full round trip: the model answered with the tool's result (${magic}).` };
}

/**
 * Probes an endpoint with one model: the requested one, else the first discovered. Returns the
 * verdicts and the models GET /models listed (so the caller can store them).
 */
export async function probeEndpoint(endpoint: EndpointConfig, preferredModel: string | null): Promise<{ result: ProbeResult; discovered: string[] | null }> {
  const started = Date.now();
  const secrets = [endpointApiKey(endpoint) ?? "", ...Object.values(endpointHeaders(endpoint))];
  const checks: ProbeCheck[] = [];
  const discovery = await discoverModels(endpoint);
  if (discovery.ok) {
    checks.push({ id: "models", ok: true, status: discovery.status, message: `Reachable and authorised: ${discovery.models.length} model(s) listed.` });
  } else {
    checks.push({ id: "models", ok: false, ...statusOf(discovery.failure), message: discovery.failure.message });
  }
  const modelName = preferredModel ?? (discovery.ok ? (discovery.models[0] ?? null) : null);
  if (!modelName) {
    const reason = discovery.ok ? "the endpoint lists no models; add one by name" : "no model to test";
    for (const id of ["stream", "tools", "usage"] as const) checks.push({ id, ok: false, skipped: true, message: `Skipped: ${reason}.` });
    return { result: { model: null, checks, durationMs: Date.now() - started }, discovered: discovery.ok ? discovery.models : null };
  }
  const model = getLanguageModel(endpoint, modelName);
  const streaming = await probeStreaming(model, endpoint, secrets);
  checks.push(streaming.check);
  checks.push(
    streaming.check.ok
      ? await probeTools(model, endpoint, secrets)
      : { id: "tools", ok: false, skipped: true, message: "Skipped: streaming did not work." },
  );
  checks.push(usageCheck(streaming.outcome));
  return { result: { model: modelName, checks, durationMs: Date.now() - started }, discovered: discovery.ok ? discovery.models : null };
}
