// The browser for the Playwright suite is Debian's Chromium (Playwright's own download is not
// reachable here). Installs it when missing and we are root on Debian; otherwise says how.
import { existsSync } from "node:fs";
import { userInfo } from "node:os";
import { log, run } from "@/lib/cli/run";

export const CHROMIUM_PATH = "/usr/bin/chromium";

export async function ensureChromium(): Promise<void> {
  if (existsSync(CHROMIUM_PATH)) return;
  const debian = existsSync("/etc/debian_version");
  if (!debian || userInfo().uid !== 0) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}. Install it with:\n\n    sudo apt-get install -y chromium\n\nthen run the tests again.`,
    );
  }
  log("Chromium is missing: installing Debian's chromium package…");
  const env = { ...process.env, DEBIAN_FRONTEND: "noninteractive" };
  let code = await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env });
  if (code !== 0) {
    // A fresh machine may have no package lists yet.
    await run("apt-get", ["update"], { env });
    code = await run("apt-get", ["install", "-y", "--no-install-recommends", "chromium"], { env });
  }
  if (code !== 0 || !existsSync(CHROMIUM_PATH)) throw new Error("Installing chromium with apt-get failed (see above).");
}
