// Whether this server process has been asked to stop. SIGTERM (Kubernetes, a container runtime,
// `npm start` passing its own on) sets it, and readiness answers 503 from then on, so a load balancer
// stops routing new requests here while the process finishes. The state lives on globalThis because
// Next may load this module more than once (instrumentation and route bundles).
// Draining running turns before exit is not done here (planned: SHUTDOWN_GRACE_SECONDS).

type ShutdownState = { since: number | null; installed: boolean };

const globalForShutdown = globalThis as unknown as { switchboardShutdown?: ShutdownState };
const state = (globalForShutdown.switchboardShutdown ??= { since: null, installed: false });

/** True once SIGTERM arrived (or markShuttingDown was called). */
export function isShuttingDown(): boolean {
  return state.since !== null;
}

export function markShuttingDown(now: number = Date.now()): void {
  state.since ??= now;
}

/** For tests: back to "running". */
export function resetShutdownForTests(): void {
  state.since = null;
}

/** 128 + SIGTERM's number: the shell's convention for "ended by SIGTERM". */
const SIGTERM_EXIT_CODE = 143;

/**
 * Listens for SIGTERM once per process. Next's own server handles SIGTERM by exiting; this listener
 * only flips the flag before that. A listener disables Node's default "exit on SIGTERM", so when
 * nothing else listens (a server that left signals to the embedder) this one exits as Node would have.
 */
export function installShutdownHandler(target: Pick<NodeJS.Process, "on" | "listenerCount" | "exit"> = process): void {
  if (target === process) {
    if (state.installed) return;
    state.installed = true;
  }
  target.on("SIGTERM", () => {
    markShuttingDown();
    if (target.listenerCount("SIGTERM") === 1) target.exit(SIGTERM_EXIT_CODE);
  });
}
