"use client";
// Asks the server what an action's OpenAPI document gives (POST /api/assistants/actions/parse), per
// action id, remembering which text each answer is for so a stale answer is never shown as current.
import { useCallback, useRef, useState } from "react";
import { fetchJson } from "@/lib/utils/fetch-json";
import { actionParseResultSchema, type ActionParseResult } from "@/lib/schemas/action-parse";

export type ActionCheck =
  | { state: "checking"; spec: string }
  | { state: "done"; spec: string; result: ActionParseResult }
  | { state: "failed"; spec: string; message: string };

/** What the server already found in the saved documents, by action id (the edit page passes it). */
export type KnownActionChecks = Record<string, { spec: string; result: ActionParseResult }>;

export function useActionChecks(known: KnownActionChecks = {}) {
  const [checks, setChecks] = useState<Record<string, ActionCheck>>(() =>
    Object.fromEntries(Object.entries(known).map(([id, { spec, result }]) => [id, { state: "done", spec, result } satisfies ActionCheck])),
  );
  const latest = useRef<Record<string, string>>(Object.fromEntries(Object.entries(known).map(([id, { spec }]) => [id, spec])));
  // The last answer per action: a saved document is not sent again just because the page opened,
  // nor a text put back as it was.
  const answered = useRef<KnownActionChecks>({ ...known });

  const check = useCallback(async (id: string, spec: string) => {
    if (!spec.trim()) {
      latest.current[id] = "";
      setChecks(({ [id]: _dropped, ...rest }) => rest);
      return;
    }
    latest.current[id] = spec;
    const previous = answered.current[id];
    if (previous?.spec === spec) {
      setChecks((current) => ({ ...current, [id]: { state: "done", spec, result: previous.result } }));
      return;
    }
    setChecks((current) => ({ ...current, [id]: { state: "checking", spec } }));
    const response = await fetchJson("/api/assistants/actions/parse", actionParseResultSchema, { method: "POST", body: JSON.stringify({ spec }) });
    if (response.ok) answered.current[id] = { spec, result: response.data };
    if (latest.current[id] !== spec) return;
    const next: ActionCheck = response.ok ? { state: "done", spec, result: response.data } : { state: "failed", spec, message: response.message };
    setChecks((current) => ({ ...current, [id]: next }));
  }, []);

  /** The answer for this exact text, if there is one. */
  const resultFor = useCallback(
    (id: string, spec: string): ActionParseResult | null => {
      const entry = checks[id];
      return entry?.state === "done" && entry.spec === spec ? entry.result : null;
    },
    [checks],
  );

  return { checks, check, resultFor };
}
