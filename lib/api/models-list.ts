import "server-only";
// GET /v1/models: the enabled models and the assistants the key's user may use, in OpenAI's shape.
import type { ApiCaller } from "@/lib/api/authenticate";
import { listApiAssistants, listApiModels } from "@/lib/api/targets";
import { assistantModelId } from "@/lib/assistants/slug";
import { AppError } from "@/lib/errors";

export type ApiModelObject = {
  id: string;
  object: "model";
  created: number;
  owned_by: string;
  /** Switchboard's additions (OpenAI clients ignore them). */
  name?: string;
  description?: string;
};

const seconds = (date: Date) => Math.floor(date.getTime() / 1000);

export async function listModelsFor(caller: ApiCaller): Promise<{ object: "list"; data: ApiModelObject[] }> {
  const [models, assistants] = await Promise.all([listApiModels(), listApiAssistants(caller.user)]);
  const data: ApiModelObject[] = [
    ...models.map((model) => ({ id: model.publicId, object: "model" as const, created: seconds(model.createdAt), owned_by: model.endpointName })),
    ...assistants.map((assistant) => ({
      id: assistantModelId(assistant.slug),
      object: "model" as const,
      created: seconds(assistant.createdAt),
      owned_by: "switchboard",
      name: assistant.name,
      description: assistant.description,
    })),
  ];
  return { object: "list", data };
}

export async function getModelFor(caller: ApiCaller, id: string): Promise<ApiModelObject> {
  const { data } = await listModelsFor(caller);
  const found = data.find((model) => model.id === id);
  if (!found) throw new AppError("not_found", `The model \`${id}\` does not exist or you do not have access to it.`, { fields: { model: "not found" } });
  return found;
}
