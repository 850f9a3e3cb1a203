// The model ids API clients see: a model's upstream name, or "<endpoint name>/<model name>" when two
// enabled endpoints serve the same name; assistants are "assistant:<slug>" (lib/assistants/slug.ts).
export type ApiModelEntry = { id: string; name: string; endpointName: string; createdAt: Date };

export type PublicModel = ApiModelEntry & { publicId: string };

export function publicModelIds(models: readonly ApiModelEntry[]): PublicModel[] {
  const counts = new Map<string, number>();
  for (const model of models) counts.set(model.name, (counts.get(model.name) ?? 0) + 1);
  return models.map((model) => ({ ...model, publicId: (counts.get(model.name) ?? 0) > 1 ? `${model.endpointName}/${model.name}` : model.name }));
}

export const ASSISTANT_PREFIX = "assistant:";

export function assistantSlugOf(modelId: string): string | null {
  return modelId.startsWith(ASSISTANT_PREFIX) ? modelId.slice(ASSISTANT_PREFIX.length) : null;
}
