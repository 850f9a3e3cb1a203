// What a checked OpenAPI document gives: the operations that become tools, and why others were left out.
import type { ActionCheck } from "@/components/assistants/use-action-checks";

export function ActionOperations({ check, errorId }: { check: ActionCheck | undefined; errorId: string }) {
  if (!check) return null;
  if (check.state === "checking") {
    return (
      <p role="status" className="text-sm text-zinc-500">
        Checking the document…
      </p>
    );
  }
  if (check.state === "failed") {
    return (
      <p id={errorId} className="text-sm text-red-600 dark:text-red-400">
        The document could not be checked: {check.message}
      </p>
    );
  }
  const { result } = check;
  if (!result.ok) {
    return (
      <p id={errorId} className="text-sm text-red-600 dark:text-red-400" data-testid="action-document-error">
        {result.error}
      </p>
    );
  }
  const count = result.operations.length;
  return (
    <div className="flex flex-col gap-2 text-sm" data-testid="action-operations">
      <p className="text-zinc-600 dark:text-zinc-400">
        {result.title ? `“${result.title}”: ` : ""}
        {count === 0 ? "no operation can be used as a tool." : `${count} operation${count === 1 ? "" : "s"} will be available as tools.`}
      </p>
      {count > 0 ? (
        <ul className="flex flex-col gap-1">
          {result.operations.map((operation) => (
            <li key={operation.name} data-testid="action-operation" data-tool={operation.name} className="rounded-md border border-zinc-200 px-2 py-1 dark:border-zinc-800">
              <span className="font-mono text-xs font-semibold">{operation.method}</span> <span className="font-mono text-xs">{operation.path}</span>
              {" → "}tool <code className="text-xs">{operation.name}</code>
              {operation.needsApproval ? <span className="text-amber-700 dark:text-amber-400"> · asks the user first</span> : null}
              {operation.description && operation.description !== `${operation.method} ${operation.path}` ? (
                <span className="block truncate text-xs text-zinc-500">{operation.description}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {result.rejected.length > 0 ? (
        <div>
          <p className="font-medium">Left out:</p>
          <ul className="list-disc pl-5">
            {result.rejected.map((item, index) => (
              <li key={`${item.operation}-${index}`} data-testid="action-rejected">
                <span className="font-mono text-xs">{item.operation}</span>: {item.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
