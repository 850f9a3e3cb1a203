import { EventEmitter } from "node:events";
import { afterEach, describe, expect, it, vi } from "vitest";
import { installShutdownHandler, isShuttingDown, resetShutdownForTests } from "@/lib/health/shutdown";

/** A stand-in for `process`: signals are events, exit is recorded. */
function fakeProcess() {
  const emitter = new EventEmitter();
  const exit = vi.fn();
  return {
    emitter,
    exit,
    target: {
      on: (event: string, listener: () => void) => emitter.on(event, listener),
      listenerCount: (event: string) => emitter.listenerCount(event),
      exit: exit as unknown as (code?: number) => never,
    } as unknown as Pick<NodeJS.Process, "on" | "listenerCount" | "exit">,
  };
}

afterEach(() => resetShutdownForTests());

describe("the shutting-down flag", () => {
  it("turns on with SIGTERM and leaves exiting to the server that also listens (Next)", () => {
    const fake = fakeProcess();
    const nextCleanup = vi.fn();
    fake.emitter.on("SIGTERM", nextCleanup);
    installShutdownHandler(fake.target);
    expect(isShuttingDown()).toBe(false);
    fake.emitter.emit("SIGTERM");
    expect(isShuttingDown()).toBe(true);
    expect(nextCleanup).toHaveBeenCalledOnce();
    expect(fake.exit).not.toHaveBeenCalled();
  });

  it("exits with 143 as Node would when it is the only SIGTERM listener", () => {
    const fake = fakeProcess();
    installShutdownHandler(fake.target);
    fake.emitter.emit("SIGTERM");
    expect(isShuttingDown()).toBe(true);
    expect(fake.exit).toHaveBeenCalledWith(143);
  });

  it("is shared by every copy of the module (Next bundles modules more than once)", async () => {
    const state = (globalThis as { switchboardShutdown?: { since: number | null } }).switchboardShutdown;
    expect(state?.since).toBeNull();
    installShutdownHandler(fakeProcess().target);
    vi.resetModules();
    const copy = await import("@/lib/health/shutdown");
    copy.markShuttingDown();
    expect(isShuttingDown()).toBe(true);
  });
});
