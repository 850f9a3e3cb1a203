// Every tool an assistant offers the model needs a unique name: the built-in tools it enables (by
// id) and each operation of each action (by its operationId). Shared by the builder, which checks
// before saving, and the server, which refuses a save with a clash.

export type BuiltinToolName = { id: string; label: string };
export type ActionToolName = { name: string; method: string; path: string };

export type ToolNameConflict = { actionIndex: number; message: string };

/**
 * The clashes among the enabled built-in tools and the actions' operations (null for an action
 * whose document did not parse), each reported on the later action involved.
 */
export function findToolNameConflicts(builtin: readonly BuiltinToolName[], actions: readonly (readonly ActionToolName[] | null)[]): ToolNameConflict[] {
  const owners = new Map<string, string>();
  for (const tool of builtin) owners.set(tool.id, `the built-in tool ${tool.label}`);
  const conflicts: ToolNameConflict[] = [];
  actions.forEach((operations, actionIndex) => {
    for (const operation of operations ?? []) {
      const owner = owners.get(operation.name);
      if (owner) {
        conflicts.push({
          actionIndex,
          message: `Action ${actionIndex + 1}: the tool name "${operation.name}" (${operation.method} ${operation.path}) is already used by ${owner}. Tool names must be unique: change the operationId${owner.startsWith("the built-in") ? " or turn that tool off" : ""}.`,
        });
        continue;
      }
      owners.set(operation.name, `action ${actionIndex + 1} (${operation.method} ${operation.path})`);
    }
  });
  return conflicts;
}
