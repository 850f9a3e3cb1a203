// Branches of a conversation. Messages form a tree: each follows its parent (the first question has
// none). Editing a question adds a sibling question, regenerating an answer adds a sibling answer,
// and nothing is deleted. The conversation remembers the leaf of the branch the user sees
// (Conversation.activeLeafId); what the page shows and what the model gets is the path to that leaf.
// Pure functions over rows, so the page, the turn and the branch switch agree.

export type TreeRow = { id: string; parentId?: string | null };

/**
 * The messages from the first question down to `leafId`, oldest first (`rows` oldest first). An
 * unknown or missing leaf falls back to the newest message. A conversation in which no message has a
 * parent was written before branches (or seeded as a list): it is one line, in row order.
 */
export function activePath<T extends TreeRow>(rows: ReadonlyArray<T>, leafId: string | null): T[] {
  if (rows.length === 0) return [];
  const byId = new Map(rows.map((row) => [row.id, row]));
  const leaf = (leafId ? byId.get(leafId) : undefined) ?? rows.at(-1);
  if (!leaf) return [];
  if (!rows.some((row) => row.parentId)) return rows.slice(0, rows.indexOf(leaf) + 1);
  const path: T[] = [];
  const seen = new Set<string>();
  for (let row: T | undefined = leaf; row && !seen.has(row.id); row = row.parentId ? byId.get(row.parentId) : undefined) {
    seen.add(row.id);
    path.push(row);
  }
  return path.reverse();
}

/** The ids of the messages that follow `parentId` (null: the first questions), oldest first. */
export function childIds(rows: ReadonlyArray<TreeRow>, parentId: string | null): string[] {
  return rows.filter((row) => (row.parentId ?? null) === parentId).map((row) => row.id);
}

/**
 * The leaf reached from `id` by following the newest reply at each step: where a switch to that
 * message lands. Null when `id` is not one of the rows.
 */
export function leafBelow(rows: ReadonlyArray<TreeRow>, id: string): string | null {
  if (!rows.some((row) => row.id === id)) return null;
  const seen = new Set<string>();
  let current = id;
  while (!seen.has(current)) {
    seen.add(current);
    const next = childIds(rows, current).at(-1);
    if (!next) break;
    current = next;
  }
  return current;
}

/**
 * The path to `leafId` with, on each message that has alternatives, the ids of all of them (itself
 * included, oldest first): what the "‹ 2/3 ›" switcher shows.
 */
export function branchView<T extends TreeRow>(rows: ReadonlyArray<T>, leafId: string | null): Array<T & { siblingIds?: string[] }> {
  const path = activePath(rows, leafId);
  // A conversation written as one line has no alternatives.
  if (!rows.some((row) => row.parentId)) return path;
  return path.map((row) => {
    const siblings = childIds(rows, row.parentId ?? null);
    return siblings.length > 1 ? { ...row, siblingIds: siblings } : row;
  });
}
