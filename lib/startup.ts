import "server-only";
// Work each server process does once at start. Failures are logged, never fatal: the app must come
// up so an admin can fix what is wrong.
import { seedEndpointsFromEnv } from "@/lib/ai/seed-from-env";

export async function runStartupTasks(): Promise<void> {
  try {
    await seedEndpointsFromEnv();
  } catch (error) {
    console.error("[switchboard] Creating endpoints from environment variables failed:", error);
  }
}
