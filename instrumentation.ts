// Runs once when a Switchboard server process starts (Next.js instrumentation hook).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before any request is served: route handlers learn the TCP peer's address from this stamp.
  const { stampPeerAddresses } = await import("@/lib/net/peer-address");
  stampPeerAddresses();
  const { runStartupTasks } = await import("@/lib/startup");
  await runStartupTasks();
}
