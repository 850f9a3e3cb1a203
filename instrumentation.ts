// Runs once when a Switchboard server process starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is served: route handlers learn the TCP peer's address from this stamp.
  const { stampPeerAddresses } = await import("@/lib/net/peer-address");
  stampPeerAddresses();
  // SIGTERM turns readiness false (GET /api/health/ready) so load balancers stop sending requests.
  const { installShutdownHandler } = await import("@/lib/health/shutdown");
  installShutdownHandler();
  const { runStartupTasks } = await import("@/lib/startup");
  await runStartupTasks();
}
