import "server-only";
// The instance settings an admin changes on the admin pages, each change audit-logged in the same
// transaction as the write.
import { recordAudit, type Actor } from "@/lib/db/audit";
import { db } from "@/lib/db/client";
import { getSetting, setSetting } from "@/lib/db/settings";
import { AppError } from "@/lib/errors";
import { normalisePrivateHosts } from "@/lib/net/private-host-entry";
import type { AdminSettingsPatch, AdminSettingsView } from "@/lib/schemas/settings";

export async function getAdminSettings(): Promise<AdminSettingsView> {
  const [signupOpen, actionPrivateHosts, apiEnabled] = await Promise.all([getSetting("signupOpen"), getSetting("actionPrivateHosts"), getSetting("apiEnabled")]);
  return { signupOpen, actionPrivateHosts, apiEnabled };
}

const listed = (hosts: readonly string[]) => (hosts.length ? hosts.join(", ") : "none");

export async function updateAdminSettings(actor: Actor, patch: AdminSettingsPatch): Promise<AdminSettingsView> {
  let hosts: string[] | undefined;
  if (patch.actionPrivateHosts !== undefined) {
    const result = normalisePrivateHosts(patch.actionPrivateHosts);
    if (!result.ok) throw new AppError("validation", result.error, { fields: { actionPrivateHosts: result.error } });
    hosts = result.hosts;
  }
  await db.$transaction(async (tx) => {
    if (patch.signupOpen !== undefined && patch.signupOpen !== (await getSetting("signupOpen", tx))) {
      await setSetting("signupOpen", patch.signupOpen, tx);
      await recordAudit(tx, actor, {
        action: "settings.signup",
        targetType: "settings",
        targetId: "signupOpen",
        summary: patch.signupOpen ? "Opened public sign-up" : "Closed public sign-up",
        details: { signupOpen: patch.signupOpen },
      });
    }
    if (patch.apiEnabled !== undefined && patch.apiEnabled !== (await getSetting("apiEnabled", tx))) {
      await setSetting("apiEnabled", patch.apiEnabled, tx);
      await recordAudit(tx, actor, {
        action: "settings.api",
        targetType: "settings",
        targetId: "apiEnabled",
        summary: patch.apiEnabled ? "Turned the API on (personal API keys work)" : "Turned the API off (no personal API key works)",
        details: { apiEnabled: patch.apiEnabled },
      });
    }
    if (hosts !== undefined) {
      const before = await getSetting("actionPrivateHosts", tx);
      if (before.join("\n") === hosts.join("\n")) return;
      await setSetting("actionPrivateHosts", hosts, tx);
      await recordAudit(tx, actor, {
        action: "settings.private_hosts",
        targetType: "settings",
        targetId: "actionPrivateHosts",
        summary: `Changed the private hosts actions may reach to: ${listed(hosts)} (was: ${listed(before)})`,
        details: { from: before, to: hosts },
      });
    }
  });
  return getAdminSettings();
}
