import { afterEach, describe, expect, it } from "vitest";
import { activeAnswers, assertCapacity, BUSY_INSTANCE, isSaturated, trackApiRun, turnCapacity, TURNS_PER_CORE } from "@/lib/chat/capacity";
import { startTurn, type TurnHandle } from "@/lib/chat/running-turns";
import { AppError } from "@/lib/errors";

const handles: TurnHandle[] = [];

afterEach(() => {
  for (const handle of handles.splice(0)) handle.finish();
  while (activeAnswers() > 0) trackApiRun(-1);
});

describe("load shedding", () => {
  it("refuses a new answer with a 503, Retry-After and a sentence once browser turns and API runs reach the cap", () => {
    expect(() => assertCapacity(3)).not.toThrow();
    for (const id of ["c1", "c2"]) {
      const handle = startTurn(id, "u1");
      if (handle) handles.push(handle);
    }
    trackApiRun(1);
    expect(activeAnswers()).toBe(3);
    expect(isSaturated(3)).toBe(true);
    let caught: unknown;
    try {
      assertCapacity(3);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(AppError);
    expect(caught).toMatchObject({ status: 503, message: BUSY_INSTANCE, headers: { "Retry-After": "2" } });

    // One answer ends: the next one is taken again.
    handles.pop()?.finish();
    expect(() => assertCapacity(3)).not.toThrow();
  });

  it("defaults to a cap sized to the cores", () => {
    expect(turnCapacity() % TURNS_PER_CORE).toBe(0);
    expect(turnCapacity()).toBeGreaterThanOrEqual(TURNS_PER_CORE);
  });
});
