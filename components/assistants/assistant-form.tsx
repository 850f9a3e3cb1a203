"use client";
// The assistant builder form: create or edit; every save is a new version.
import { Plus, Trash2 } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, type ChangeEvent, type FormEvent } from "react";
import { z } from "zod";
import { adminFetch } from "@/components/admin/api";
import { AssistantAvatar } from "@/components/assistants/assistant-avatar";
import { PreviewChat } from "@/components/assistants/preview-chat";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { useHydrated } from "@/components/ui/use-hydrated";
import { assistantInputSchema, MAX_AVATAR_BYTES, MAX_STARTERS, type AssistantConfig } from "@/lib/schemas/assistants";
import { zodFieldErrors } from "@/lib/errors";
import type { AssistantView } from "@/lib/types/assistants";
import type { ModelOption } from "@/lib/types/chat";

const savedSchema = z.object({ assistant: z.object({ id: z.string() }).loose() });
const inputClass = "rounded-md border border-zinc-300 bg-white px-3 py-2 text-sm dark:border-zinc-700 dark:bg-zinc-900";

export function AssistantForm({ assistant, models, isCreator }: { assistant?: AssistantView; models: ModelOption[]; isCreator: boolean }) {
  const router = useRouter();
  const hydrated = useHydrated();
  const config = assistant?.config;
  const [name, setName] = useState(assistant?.name ?? "");
  const [description, setDescription] = useState(assistant?.description ?? "");
  const [avatar, setAvatar] = useState<AssistantConfig["avatar"]>(config?.avatar ?? { type: "emoji", value: "🤖" });
  const [instructions, setInstructions] = useState(config?.instructions ?? "");
  const [starters, setStarters] = useState<string[]>(config?.starters ?? []);
  const [modelId, setModelId] = useState(config?.modelId ?? "");
  const [temperature, setTemperature] = useState(config?.temperature === null || config?.temperature === undefined ? "" : String(config.temperature));
  const [maxOutputTokens, setMaxOutputTokens] = useState(config?.maxOutputTokens ? String(config.maxOutputTokens) : "");
  const [maxToolSteps, setMaxToolSteps] = useState(String(config?.maxToolSteps ?? 5));
  const [visibility, setVisibility] = useState<"private" | "organisation">(assistant?.visibility ?? "private");
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fields, setFields] = useState<Record<string, string>>({});
  const [saved, setSaved] = useState(false);

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
      if (typeof reader.result === "string") setAvatar({ type: "image", value: reader.result });
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
      starters: starters.map((starter) => starter.trim()).filter(Boolean),
      modelId: modelId || null,
      temperature: temperature === "" ? null : Number(temperature),
      maxOutputTokens: maxOutputTokens === "" ? null : Number(maxOutputTokens),
      tools: config?.tools ?? [],
      maxToolSteps: Number(maxToolSteps),
    };
    const parsed = assistantInputSchema.safeParse(input);
    if (!parsed.success) {
      setFields(zodFieldErrors(parsed.error));
      return;
    }
    setFields({});
    setPending(true);
    const result = await adminFetch(assistant ? `/api/assistants/${assistant.id}` : "/api/assistants", savedSchema, {
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

  const previewSettings = {
    instructions,
    modelId: modelId || null,
    temperature: temperature === "" || Number.isNaN(Number(temperature)) ? null : Math.min(2, Math.max(0, Number(temperature))),
    maxOutputTokens: maxOutputTokens === "" || !Number.isInteger(Number(maxOutputTokens)) || Number(maxOutputTokens) < 1 ? null : Math.min(65_536, Number(maxOutputTokens)),
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
          <input id="assistant-image" type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange={onImage} disabled={!hydrated} className="text-sm" />
        </div>
      </div>
      {fields.avatar || fields["avatar.value"] ? <p className="text-sm text-red-600">{fields.avatar ?? fields["avatar.value"]}</p> : null}
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
