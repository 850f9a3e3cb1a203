import "server-only";
// Assistants. Who may see or change one is part of every query: private ones are their creator's
// alone (anyone else gets a 404), organisation ones are visible to every signed-in user and
// editable by their creator and admins (others get a 403, as they can see it anyway).
import { resolveActionSecrets, toConfigView } from "@/lib/assistants/action-secrets";
import { avatarView, listAvatar } from "@/lib/assistants/avatar";
import { makeSlug } from "@/lib/assistants/slug";
import { checkAssistantTools, keyFitsDocument } from "@/lib/assistants/check-tools";
import { listToolNames } from "@/lib/assistants/describe-action";
import type { CurrentUser } from "@/lib/auth/session";
import { db } from "@/lib/db/client";
import { AppError, prismaErrorCode } from "@/lib/errors";
import type { Prisma } from "@/lib/generated/prisma/client";
import { assistantConfigSchema, type AssistantAction, type AssistantConfig, type AssistantInput } from "@/lib/schemas/assistants";
import { encryptSecret } from "@/lib/secrets";
import type { AssistantSummary, AssistantUseView, AssistantVersionView, AssistantView, AvatarView } from "@/lib/types/assistants";

const NOT_FOUND = "That assistant does not exist, or it is not shared with you.";
const MODEL_UNAVAILABLE = "That model is not enabled. Pick another one, or use the default model.";
const SAVED_MEANWHILE = "Someone saved this assistant since you opened it. Reload to see their version, then make your change again.";
const NOT_EDITABLE = "Only its creator and admins can edit this assistant.";

type Viewer = Pick<CurrentUser, "id" | "role">;

export const visibleTo = (user: Viewer): Prisma.AssistantWhereInput => ({ OR: [{ creatorId: user.id }, { visibility: "organisation" }] });

const editableBy = (user: Viewer): Prisma.AssistantWhereInput =>
  user.role === "admin" ? { OR: [{ creatorId: user.id }, { visibility: "organisation" }] } : { creatorId: user.id };

const rowInclude = { creator: { select: { name: true, email: true } } } satisfies Prisma.AssistantInclude;
type Row = Prisma.AssistantGetPayload<{ include: typeof rowInclude }>;

/** The avatar (with an image's data URL) of an assistant the user can see, or null when they can't. */
export async function getAvatarForUser(user: Viewer, id: string): Promise<AssistantConfig["avatar"] | null> {
  const row = await db.assistant.findFirst({ where: { id, ...visibleTo(user) }, select: { config: true } });
  return row ? readConfig(row.config).avatar : null;
}

/** Stored config, validated when read back; a damaged row still renders with defaults. */
export function readConfig(value: unknown): AssistantConfig {
  const parsed = assistantConfigSchema.safeParse(value);
  return parsed.success ? parsed.data : assistantConfigSchema.parse({});
}

// What a list needs: everything but the config, which can hold megabytes of action documents.
const summarySelect = {
  id: true,
  name: true,
  description: true,
  avatar: true,
  visibility: true,
  featured: true,
  creatorId: true,
  updatedAt: true,
  creator: { select: { name: true, email: true } },
} satisfies Prisma.AssistantSelect;
type SummaryRow = Prisma.AssistantGetPayload<{ select: typeof summarySelect }>;

function toSummary(row: SummaryRow, user: Viewer): AssistantSummary {
  const mine = row.creatorId === user.id;
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    avatar: avatarView(row.id, row.avatar, row.updatedAt),
    visibility: row.visibility,
    featured: row.featured,
    creatorName: row.creator.name || row.creator.email,
    mine,
    canEdit: mine || (user.role === "admin" && row.visibility === "organisation"),
  };
}

/** Action keys leave as `hasSecret` only (toConfigView). */
function toView(row: Row, user: Viewer): AssistantView {
  return { ...toSummary(row, user), slug: row.slug, config: toConfigView(readConfig(row.config)), currentVersion: row.currentVersion, updatedAt: row.updatedAt.toISOString() };
}

export async function listAssistants(user: Viewer, options: { query?: string; scope: "gallery" | "mine" }): Promise<AssistantSummary[]> {
  const query = options.query?.trim();
  const rows = await db.assistant.findMany({
    where: {
      AND: [
        options.scope === "mine" ? { creatorId: user.id } : visibleTo(user),
        query ? { OR: [{ name: { contains: query, mode: "insensitive" } }, { description: { contains: query, mode: "insensitive" } }] } : {},
      ],
    },
    select: summarySelect,
    orderBy: [{ featured: "desc" }, { updatedAt: "desc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((row) => toSummary(row, user));
}

/**
 * An assistant the user may chat with, or a 404. Users who can't edit it see what a chat shows
 * (name, description, starters, tool names), and its instructions only when it shows them.
 */
export async function getAssistantForUse(user: Viewer, id: string): Promise<AssistantUseView> {
  const row = await db.assistant.findFirst({ where: { id, ...visibleTo(user) }, include: rowInclude });
  if (!row) throw new AppError("not_found", NOT_FOUND);
  const summary = toSummary(row, user);
  const config = readConfig(row.config);
  return {
    ...summary,
    starters: config.starters,
    modelId: config.modelId,
    toolNames: await listToolNames(config),
    showInstructions: config.showInstructions,
    instructions: summary.canEdit || config.showInstructions ? config.instructions : null,
    config: summary.canEdit ? toConfigView(config) : null,
    currentVersion: row.currentVersion,
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** An assistant the user may edit: 404 when they cannot see it, 403 when they can but may not edit. */
async function requireEditable(user: Viewer, id: string): Promise<Row> {
  const row = await db.assistant.findFirst({ where: { id, ...visibleTo(user) }, include: rowInclude });
  if (!row) throw new AppError("not_found", NOT_FOUND);
  const editable = await db.assistant.count({ where: { id, ...editableBy(user) } });
  if (editable === 0) throw new AppError("forbidden", NOT_EDITABLE);
  return row;
}

export async function getAssistantForEdit(user: Viewer, id: string): Promise<AssistantView> {
  return toView(await requireEditable(user, id), user);
}

type Settings = { name: string; description: string; config: AssistantConfig };

/** Checks the tools and actions, then encrypts new action keys and keeps (by action id) or drops stored ones. */
async function settingsFrom(input: AssistantInput, stored: AssistantConfig | null): Promise<Settings> {
  const { name, description, visibility: _visibility, actions, ...rest } = input;
  // A newly chosen model must be one people can use now (a kept one that an admin disabled since
  // falls back to the default at chat time, and does not block other edits).
  if (rest.modelId && rest.modelId !== stored?.modelId) {
    const usable = await db.model.findFirst({ where: { id: rest.modelId, enabled: true, endpoint: { enabled: true } }, select: { id: true } });
    if (!usable) throw new AppError("validation", MODEL_UNAVAILABLE, { fields: { modelId: MODEL_UNAVAILABLE } });
  }
  await checkAssistantTools({ tools: rest.tools, actions }, stored?.actions ?? []);
  return { name, description, config: assistantConfigSchema.parse({ ...rest, actions: resolveActionSecrets(actions, stored?.actions ?? [], encryptSecret) }) };
}

export async function createAssistant(user: Viewer, input: AssistantInput): Promise<AssistantView> {
  const { name, description, config } = await settingsFrom(input, null);
  const row = await db.assistant.create({
    data: {
      creatorId: user.id,
      slug: makeSlug(name),
      name,
      description,
      visibility: input.visibility,
      config,
      avatar: listAvatar(config.avatar),
      currentVersion: 1,
      versions: { create: { version: 1, snapshot: { name, description, config }, createdById: user.id } },
    },
    include: rowInclude,
  });
  return toView(row, user);
}

/** Saves new settings as a new version. */
export async function updateAssistant(user: Viewer, id: string, input: AssistantInput): Promise<AssistantView> {
  const current = await requireEditable(user, id);
  if (input.baseVersion !== undefined && input.baseVersion !== current.currentVersion) throw new AppError("conflict", SAVED_MEANWHILE);
  const settings = await settingsFrom(input, readConfig(current.config));
  return saveVersion(user, current, settings, input.visibility);
}

/** The settings (with their encrypted action keys, as a snapshot) become the new current version. */
async function saveVersion(user: Viewer, current: Row, { name, description, config }: Settings, visibility: Row["visibility"]): Promise<AssistantView> {
  const id = current.id;
  const version = current.currentVersion + 1;
  // Only the creator decides who can see it; a private assistant is never featured.
  const nextVisibility = current.creatorId === user.id ? visibility : current.visibility;
  try {
    const row = await db.assistant.update({
      // Conditional on the version read: of two saves at the same moment, the second is refused.
      where: { id, currentVersion: current.currentVersion },
      data: {
        name,
        description,
        config,
        avatar: listAvatar(config.avatar),
        visibility: nextVisibility,
        ...(nextVisibility === "private" ? { featured: false } : {}),
        currentVersion: version,
        versions: { create: { version, snapshot: { name, description, config }, createdById: user.id } },
      },
      include: rowInclude,
    });
    return toView(row, user);
  } catch (error) {
    const code = prismaErrorCode(error);
    if (code === "P2025" || code === "P2002") throw new AppError("conflict", SAVED_MEANWHILE);
    throw error;
  }
}

export async function listVersions(user: Viewer, id: string): Promise<AssistantVersionView[]> {
  await requireEditable(user, id);
  const versions = await db.assistantVersion.findMany({ where: { assistantId: id }, orderBy: { version: "desc" }, take: 100 });
  return versions.map((version) => {
    const snapshot = version.snapshot as { name?: unknown; config?: unknown };
    const config = readConfig(snapshot.config);
    return {
      id: version.id,
      version: version.version,
      createdAt: version.createdAt.toISOString(),
      name: typeof snapshot.name === "string" ? snapshot.name : "",
      instructionsPreview: config.instructions.slice(0, 140),
    };
  });
}

/**
 * Restoring makes the old settings current again, as a new version (history is never rewritten).
 * Action keys are NOT restored: a key that was removed or replaced may have leaked, so each action
 * keeps the key it has now (none if it has none, or if the restored document sends requests to an
 * origin that key was not entered for).
 */
export async function restoreVersion(user: Viewer, id: string, versionId: string): Promise<AssistantView> {
  const current = await requireEditable(user, id);
  const old = await db.assistantVersion.findFirst({ where: { id: versionId, assistantId: id } });
  if (!old) throw new AppError("not_found", "That version does not exist.");
  const snapshot = old.snapshot as { name?: unknown; description?: unknown; config?: unknown };
  const restored = readConfig(snapshot.config);
  const settings: Settings = {
    name: typeof snapshot.name === "string" ? snapshot.name : current.name,
    description: typeof snapshot.description === "string" ? snapshot.description : "",
    config: { ...restored, actions: await withCurrentKeys(restored.actions, readConfig(current.config).actions) },
  };
  return saveVersion(user, current, settings, current.visibility);
}

/** Restored actions with the keys their actions have now, where those keys may go. */
async function withCurrentKeys(restored: readonly AssistantAction[], current: readonly AssistantAction[]): Promise<AssistantAction[]> {
  const kept = resolveActionSecrets(
    restored.map(({ id, spec, auth, allowApiWithoutApproval }) => ({ id, spec, auth, allowApiWithoutApproval, clearSecret: false })),
    current,
    encryptSecret,
  );
  return Promise.all(
    kept.map(async (action) => {
      const now = current.find((old) => old.id === action.id);
      if (!action.secret || !now || (await keyFitsDocument(now.spec, action.spec))) return action;
      return { ...action, secret: null };
    }),
  );
}

export async function deleteAssistant(user: Viewer, id: string): Promise<void> {
  await requireEditable(user, id);
  await db.assistant.delete({ where: { id } });
}

export async function setFeatured(id: string, featured: boolean): Promise<void> {
  const { count } = await db.assistant.updateMany({ where: { id, visibility: "organisation" }, data: { featured } });
  if (count === 0) throw new AppError("not_found", "Only organisation assistants can be featured.");
}

/** The version id a new conversation records. */
export async function currentVersionId(assistantId: string, version: number): Promise<string | null> {
  const row = await db.assistantVersion.findUnique({ where: { assistantId_version: { assistantId, version } }, select: { id: true } });
  return row?.id ?? null;
}

export type AssistantTurnSettings = { assistantId: string; versionId: string | null; config: AssistantConfig };

/**
 * The settings a turn uses: for a conversation that recorded a version, that version; for a new
 * one, the current version. Null when the user can no longer see the assistant (it was deleted or
 * made private): the conversation stays readable, but cannot go on.
 */
export async function assistantSettingsForTurn(user: Viewer, assistantId: string, versionId: string | null): Promise<AssistantTurnSettings | null> {
  const row = await db.assistant.findFirst({
    where: { id: assistantId, ...visibleTo(user) },
    select: {
      config: true,
      currentVersion: true,
      versions: { where: versionId ? { id: versionId } : { version: { gte: 0 } }, orderBy: { version: "desc" }, take: 1, select: { id: true, version: true, snapshot: true } },
    },
  });
  if (!row) return null;
  const version = row.versions[0];
  if (versionId && version) {
    // The conversation keeps the instructions, model and settings of the version it started with,
    // but what the assistant may DO (tools, actions and their keys) is always the current settings:
    // removing an action, a tool or a leaked key takes effect in every conversation at once.
    const current = readConfig(row.config);
    const pinned = readConfig((version.snapshot as { config?: unknown }).config);
    return { assistantId, versionId: version.id, config: { ...pinned, tools: current.tools, actions: current.actions } };
  }
  return { assistantId, versionId: version?.id ?? null, config: readConfig(row.config) };
}

export type ConversationAssistant =
  | { state: "none" }
  | { state: "gone" }
  | { state: "available"; id: string; name: string; avatar: AvatarView };

/** The assistant of one of the user's conversations, as the conversation page shows it. */
export async function assistantOfConversation(user: Viewer, conversationId: string): Promise<ConversationAssistant> {
  const conversation = await db.conversation.findFirst({ where: { id: conversationId, userId: user.id }, select: { assistantId: true } });
  if (!conversation?.assistantId) return { state: "none" };
  const row = await db.assistant.findFirst({ where: { id: conversation.assistantId, ...visibleTo(user) }, select: { id: true, name: true, avatar: true, updatedAt: true } });
  return row ? { state: "available", id: row.id, name: row.name, avatar: avatarView(row.id, row.avatar, row.updatedAt) } : { state: "gone" };
}
