"use client";
// The assistant builder form: create or edit; every save is a new version.
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useRef, useState, type ChangeEvent, type FormEvent } from "react";
import { z } from "zod";
import { fetchJson } from "@/lib/utils/fetch-json";
import { draftFromView, draftToInput, type ActionDraft } from "@/components/assistants/action-drafts";
import { ActionsSection } from "@/components/assistants/actions-section";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { PreviewChat } from "@/components/assistants/preview-chat";
import { ToolPicker } from "@/components/assistants/tool-picker";
import { useActionChecks, type KnownActionChecks } from "@/components/assistants/use-action-checks";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { findToolNameConflicts } from "@/lib/assistants/tool-names";
import { assistantInputSchema, imageTypeOf, MAX_AVATAR_BYTES, MAX_STARTERS, type AssistantConfig } from "@/lib/schemas/assistants";
import { zodFieldErrors } from "@/lib/errors";
import type { AssistantView, BuilderModelOption, ToolOption } from "@/lib/types/assistants";

const savedSchema = z.object({ assistant: z.object({ id: z.string() }).loose() });
const inputClass = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

type Props = {
  assistant?: AssistantView;
  models: BuilderModelOption[];
  /** The model "Use the default model" stands for now (null when no model is usable). */
  defaultModelId: string | null;
  builtinTools: readonly ToolOption[];
  isCreator: boolean;
  /** The saved actions' documents as the server reads them (so opening the editor uploads nothing). */
  knownActionChecks?: KnownActionChecks;
};

export function AssistantForm({ assistant, models, defaultModelId, builtinTools, isCreator, knownActionChecks }: Props) {
  const router = useRouter();
  const hydrated = useHydrated();
  const config = assistant?.config;
  const [name, setName] = useState(assistant?.name ?? "");
  const [description, setDescription] = useState(assistant?.description ?? "");
  const [avatar, setAvatar] = useState<AssistantConfig["avatar"]>(config?.avatar ?? { type: "emoji", value: "🤖" });
  const [instructions, setInstructions] = useState(config?.instructions ?? "");
  const [showInstructions, setShowInstructions] = useState(config?.showInstructions ?? false);
  const [starters, setStarters] = useState<string[]>(config?.starters ?? []);
  const [modelId, setModelId] = useState(config?.modelId ?? "");
  const [temperature, setTemperature] = useState(config?.temperature === null || config?.temperature === undefined ? "" : String(config.temperature));
  const [maxOutputTokens, setMaxOutputTokens] = useState(config?.maxOutputTokens ? String(config.maxOutputTokens) : "");
  const [maxToolSteps, setMaxToolSteps] = useState(String(config?.maxToolSteps ?? 5));
  // A tool retired since the assistant was saved is dropped on the next save.
  const [tools, setTools] = useState<string[]>(() => (config?.tools ?? []).filter((id) => builtinTools.some((tool) => tool.id === id)));
  const [actions, setActions] = useState<ActionDraft[]>(() => (config?.actions ?? []).map(draftFromView));
  const actionChecks = useActionChecks(knownActionChecks);
  const [visibility, setVisibility] = useState<"private" | "organisation">(assistant?.visibility ?? "private");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);
  const imageInput = useRef<HTMLInputElement>(null);

  function onImage(event: ChangeEvent<HTMLInputElement>) {
    const file = event.target.files?.[0];
    if (!file) return;
    if (!["image/png", "image/jpeg", "image/webp", "image/gif"].includes(file.type)) {
      setFields((current) => ({ ...current, avatar: "Upload a PNG, JPEG, WebP or GIF image." }));
      return;
    }
    if (file.size > MAX_AVATAR_BYTES) {
      setFields((current) => ({ ...current, avatar: "Images are at most 256 KB." }));
      return;
    }
    const reader = new FileReader();
    reader.onload = () => {
      if (typeof reader.result !== "string") return;
      // The bytes must be the image the file claims to be (the server checks the same).
      if (imageTypeOf(reader.result) !== file.type) {
        setFields((current) => ({ ...current, avatar: "That file is not the image it says it is. Upload a PNG, JPEG, WebP or GIF image." }));
        return;
      }
      setAvatar({ type: "image", value: reader.result });
      setFields(({ avatar: _avatar, ...rest }) => rest);
    };
    reader.readAsDataURL(file);
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const input = {
      name,
      description,
      visibility,
      avatar,
      instructions,
      showInstructions,
      starters: starters.map((starter) => starter.trim()).filter(Boolean),
      modelId: modelId || null,
      temperature: temperature === "" ? null : Number(temperature),
      maxOutputTokens: maxOutputTokens === "" ? null : Number(maxOutputTokens),
      tools,
      maxToolSteps: Number(maxToolSteps),
      actions: actions.map(draftToInput),
      baseVersion: assistant?.currentVersion,
    };
    const parsed = assistantInputSchema.safeParse(input);
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    const actionErrors = checkActions();
    if (Object.keys(actionErrors).length > 0) {
      setFields(actionErrors);
      return;
    }
    setFields({});
    setPending(true);
    const result = await fetchJson(assistant ? `/api/assistants/${assistant.id}` : "/api/assistants", savedSchema, {
      method: assistant ? "PATCH" : "POST",
      body: JSON.stringify(parsed.data),
    });
    setPending(false);
    if (!result.ok) {
      setError(result.message);
      setFields(result.fields ?? {});
      return;
    }
    setSaved(true);
    if (assistant) router.refresh();
    else router.push(`/assistants/${result.data.assistant.id}/edit`);
  }

  /** What the checked documents already tell: a document that does not parse, or a tool name used twice. */
  function checkActions(): Record<string, string> {
    const errors: Record<string, string> = {};
    const results = actions.map((draft) => actionChecks.resultFor(draft.id, draft.spec));
    results.forEach((result, index) => {
      if (result && !result.ok) errors[`actions.${index}.spec`] = `Action ${index + 1}: ${result.error ?? "the document cannot be used."}`;
    });
    const enabled = builtinTools.filter((tool) => tools.includes(tool.id));
    for (const conflict of findToolNameConflicts(enabled, results.map((result) => (result?.ok ? result.operations : null)))) {
      errors[`actions.${conflict.actionIndex}.spec`] ??= conflict.message;
    }
    return errors;
  }

  function onActionsChange(next: ActionDraft[]) {
    setActions(next);
    setFields((current) => Object.fromEntries(Object.entries(current).filter(([key]) => !key.startsWith("actions"))));
  }

  const effectiveModel = models.find((model) => model.id === (modelId || defaultModelId));
  const toolsAtRisk = (tools.length > 0 || actions.length > 0) && effectiveModel?.toolsOk === false;

  const steps = Number(maxToolSteps);
  const previewSettings = {
    instructions,
    modelId: modelId || null,
    temperature: temperature === "" || Number.isNaN(Number(temperature)) ? null : Math.min(2, Math.max(0, Number(temperature))),
    maxOutputTokens: maxOutputTokens === "" || !Number.isInteger(Number(maxOutputTokens)) || Number(maxOutputTokens) < 1 ? null : Math.min(65_536, Number(maxOutputTokens)),
    // Built-in tools run in the preview; actions only in saved assistants' chats (their keys are stored).
    tools,
    maxToolSteps: Number.isInteger(steps) && steps >= 1 ? Math.min(20, steps) : 5,
  };

  return (
    <div className="grid gap-6 xl:grid-cols-[1fr_20rem]">
    <form onSubmit={onSubmit} noValidate className="flex flex-col gap-4" aria-label={assistant ? "Edit assistant" : "Create assistant"}>
      {error ? <Alert>{error}</Alert> : null}
      <div className="flex items-center gap-3">
        <AssistantAvatar avatar={avatar} size="lg" />
        <div className="flex flex-col gap-1">
          <label className="text-sm font-medium" htmlFor="assistant-emoji">
            Emoji
          </label>
          <input
            id="assistant-emoji"
            className={`${inputClass} w-20`}
            value={avatar.type === "emoji" ? avatar.value : ""}
            onChange={(event) => setAvatar({ type: "emoji", value: event.target.value })}
            disabled={!hydrated}
          />
        </div>
        <div className="flex flex-col gap-1">
          <label className="text-sm font-medium" htmlFor="assistant-image">
            Or an image
          </label>
          {/* The file input stays in the page for keyboard and screen readers, under a real button. */}
          <input
            ref={imageInput}
            id="assistant-image"
            type="file"
            accept="image/png,image/jpeg,image/webp,image/gif"
            onChange={onImage}
            disabled={!hydrated}
            className="sr-only"
            tabIndex={-1}
          />
          <div className="flex items-center gap-2">
            <button
              type="button"
              onClick={() => imageInput.current?.click()}
              disabled={!hydrated}
              className="rounded-md border border-zinc-300 px-3 py-1.5 text-sm hover:bg-zinc-100 disabled:opacity-50 dark:border-zinc-700 dark:hover:bg-zinc-800"
            >
              {avatar.type === "image" ? "Change image…" : "Choose image…"}
            </button>
            {avatar.type === "image" ? (
              <button
                type="button"
                onClick={() => {
                  setAvatar({ type: "emoji", value: "🤖" });
                  if (imageInput.current) imageInput.current.value = "";
                }}
                disabled={!hydrated}
                className="text-sm text-zinc-600 underline hover:text-zinc-900 disabled:opacity-50 dark:text-zinc-400 dark:hover:text-zinc-100"
              >
                Remove image
              </button>
            ) : null}
          </div>
          <p className="text-xs text-zinc-500">PNG, JPEG, WebP or GIF, at most 256 KB.</p>
        </div>
      </div>
      {fields.avatar || fields["avatar.value"] ? <p role="alert" className="text-sm text-red-600">{fields.avatar ?? fields["avatar.value"]}</p> : null}
      <TextField label="Name" name="name" value={name} onChange={(event) => setName(event.target.value)} disabled={!hydrated} error={fields.name} />
      <TextField label="Description" name="description" value={description} onChange={(event) => setDescription(event.target.value)} disabled={!hydrated} error={fields.description} />
      <div className="flex flex-col gap-1">
        <label htmlFor="assistant-instructions" className="text-sm font-medium">
          Instructions
        </label>
        <textarea
          id="assistant-instructions"
          rows={8}
          value={instructions}
          onChange={(event) => setInstructions(event.target.value)}
          disabled={!hydrated}
          className={inputClass}
          placeholder="What this assistant does, how it answers, what it must not do."
        />
        {fields.instructions ? <p className="text-sm text-red-600">{fields.instructions}</p> : null}
        <label className="flex items-center gap-2 text-sm">
          <input type="checkbox" checked={showInstructions} onChange={(event) => setShowInstructions(event.target.checked)} disabled={!hydrated} /> Show instructions to users
        </label>
        <p className="text-xs text-zinc-500">Off: people who can&apos;t edit this assistant see its name, description, starters and tool names, but not its instructions or actions.</p>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="text-sm font-medium">Conversation starters</legend>
        {starters.map((starter, index) => (
          <div key={index} className="flex gap-2">
            <input
              aria-label={`Starter ${index + 1}`}
              value={starter}
              onChange={(event) => setStarters((list) => list.map((item, i) => (i === index ? event.target.value : item)))}
              disabled={!hydrated}
              className={`${inputClass} min-w-0 flex-1`}
            />
            <Button variant="ghost" aria-label={`Remove starter ${index + 1}`} onClick={() => setStarters((list) => list.filter((_, i) => i !== index))}>
              <Trash2 className="size-4" aria-hidden />
            </Button>
          </div>
        ))}
        {fields.starters ? <p className="text-sm text-red-600">{fields.starters}</p> : null}
        <Button variant="secondary" className="self-start" disabled={!hydrated || starters.length >= MAX_STARTERS} onClick={() => setStarters((list) => [...list, ""])}>
          <Plus className="size-4" aria-hidden /> Add starter
        </Button>
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-2">
        <div className="flex flex-col gap-1">
          <label htmlFor="assistant-model" className="text-sm font-medium">
            Model
          </label>
          <select id="assistant-model" value={modelId} onChange={(event) => setModelId(event.target.value)} disabled={!hydrated} className={inputClass}>
            <option value="">Use the default model</option>
            {models.map((model) => (
              <option key={model.id} value={model.id}>
                {model.label} ({model.endpointName})
              </option>
            ))}
          </select>
        </div>
        <TextField label="Temperature (0–2, empty for the model's default)" name="temperature" inputMode="decimal" value={temperature} onChange={(event) => setTemperature(event.target.value)} disabled={!hydrated} error={fields.temperature} />
        <TextField label="Maximum output tokens (empty for no limit)" name="maxOutputTokens" inputMode="numeric" value={maxOutputTokens} onChange={(event) => setMaxOutputTokens(event.target.value)} disabled={!hydrated} error={fields.maxOutputTokens} />
        <TextField label="Maximum tool steps per turn" name="maxToolSteps" inputMode="numeric" value={maxToolSteps} onChange={(event) => setMaxToolSteps(event.target.value)} disabled={!hydrated} error={fields.maxToolSteps} />
      </div>
      <ToolPicker tools={builtinTools} enabled={tools} disabled={!hydrated} error={fields.tools} onChange={setTools} />
      <ActionsSection drafts={actions} checks={actionChecks.checks} fields={fields} disabled={!hydrated} onChange={onActionsChange} onCheck={actionChecks.check} />
      {toolsAtRisk && effectiveModel ? (
        <p role="note" data-testid="tools-model-warning" className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
          The model {effectiveModel.label} failed the tool-call check when its endpoint was last tested; tools may not work with it.
        </p>
      ) : null}
      {isCreator ? (
        <fieldset className="flex flex-col gap-1 text-sm">
          <legend className="font-medium">Who can use it</legend>
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" checked={visibility === "private"} onChange={() => setVisibility("private")} disabled={!hydrated} /> Only me
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="visibility" checked={visibility === "organisation"} onChange={() => setVisibility("organisation")} disabled={!hydrated} /> Everyone in the organisation
          </label>
        </fieldset>
      ) : null}
      <Button type="submit" disabled={!hydrated || pending} className="self-start">
        {pending ? "Saving…" : assistant ? "Save" : "Create assistant"}
      </Button>
      {assistant ? (
        // Rendered from the saved data, so it still says so after the page refreshes (the form
        // remounts with the new version's settings).
        <p className="text-sm text-zinc-500" role="status" data-testid="assistant-current-version">
          Version {assistant.currentVersion} is current{saved ? " (just saved)" : ""}.
        </p>
      ) : null}
    </form>
    <PreviewChat settings={previewSettings} />
    </div>
  );
}
