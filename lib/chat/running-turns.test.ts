import { describe, expect, it } from "vitest";
import { runningTurnCount, startTurn, stopTurn } from "@/lib/chat/running-turns";
import { renderMetrics } from "@/lib/metrics/registry";
import { sample } from "@/lib/testing/prometheus-text";

describe("running turns", () => {
  it("allows one turn per conversation at a time", () => {
    const first = startTurn("conv-a", "user-1");
    expect(first).not.toBeNull();
    expect(startTurn("conv-a", "user-1")).toBeNull();
    first?.finish();
    const again = startTurn("conv-a", "user-1");
    expect(again).not.toBeNull();
    again?.finish();
  });

  it("stops a turn: aborts its signal and waits until it is saved", async () => {
    const turn = startTurn("conv-b", "user-1");
    if (!turn) throw new Error("no turn");
    let saved = false;
    turn.signal.addEventListener("abort", () => {
      setTimeout(() => {
        saved = true;
        turn.finish();
      }, 20);
    });
    expect(await stopTurn("conv-b", "user-1")).toBe(true);
    expect(turn.signal.aborted).toBe(true);
    expect(saved).toBe(true);
    expect(await stopTurn("conv-b", "user-1")).toBe(false);
  });

  it("does not let another user stop a turn", async () => {
    const turn = startTurn("conv-c", "user-1");
    expect(await stopTurn("conv-c", "user-2")).toBe(false);
    expect(turn?.signal.aborted).toBe(false);
    turn?.finish();
  });

  it("gives up waiting after the time limit", async () => {
    const turn = startTurn("conv-d", "user-1");
    const started = Date.now();
    expect(await stopTurn("conv-d", "user-1", 30)).toBe(true);
    expect(Date.now() - started).toBeLessThan(1000);
    turn?.finish();
  });

  it("shows the running turns as active chat streams when metrics are scraped", async () => {
    const active = async () => sample((await renderMetrics()).body, 'switchboard_active_streams{source="chat"}');
    const before = runningTurnCount();
    const first = startTurn("conv-gauge-1", "user-1");
    const second = startTurn("conv-gauge-2", "user-1");
    expect(await active()).toBe(before + 2);
    first?.finish();
    second?.finish();
    expect(await active()).toBe(before);
  });
});
