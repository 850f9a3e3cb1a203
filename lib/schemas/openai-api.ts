// Request bodies of the OpenAI-compatible API (/api/v1), as OpenAI's SDKs send them. Fields a client
// may send that Switchboard does not use (logprobs, metadata...) are accepted and ignored; fields
// whose meaning it cannot honour (n > 1) are refused with a sentence.
import { z } from "zod";

const text = z.string().max(2_000_000, "A message is at most 2,000,000 characters.");
const textPart = z.object({ type: z.literal("text"), text });
const imagePart = z.object({
  type: z.literal("image_url"),
  image_url: z.object({ url: z.string().max(20_000_000), detail: z.string().optional() }),
});
const refusalPart = z.object({ type: z.literal("refusal"), refusal: z.string() });

const functionCall = z.object({
  id: z.string().min(1).max(256),
  type: z.literal("function").default("function"),
  function: z.object({ name: z.string().min(1).max(256), arguments: z.string().max(2_000_000).default("") }),
});

export const chatMessageSchema = z.discriminatedUnion("role", [
  z.object({ role: z.literal("system"), content: z.union([text, z.array(textPart)]), name: z.string().optional() }),
  z.object({ role: z.literal("developer"), content: z.union([text, z.array(textPart)]), name: z.string().optional() }),
  z.object({ role: z.literal("user"), content: z.union([text, z.array(z.union([textPart, imagePart]))]), name: z.string().optional() }),
  z.object({
    role: z.literal("assistant"),
    content: z.union([text, z.array(z.union([textPart, refusalPart]))]).nullish(),
    tool_calls: z.array(functionCall).optional(),
    name: z.string().optional(),
  }),
  z.object({ role: z.literal("tool"), tool_call_id: z.string().min(1), content: z.union([text, z.array(textPart)]) }),
]);
export type ChatMessageInput = z.infer<typeof chatMessageSchema>;

const toolName = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "A tool name is 1 to 64 letters, digits, underscores or dashes.");
const jsonObject = z.record(z.string(), z.unknown());

export const chatToolSchema = z.object({
  type: z.literal("function"),
  function: z.object({ name: toolName, description: z.string().max(8192).optional(), parameters: jsonObject.optional(), strict: z.boolean().nullish() }),
});

const toolChoice = z.union([
  z.enum(["none", "auto", "required"]),
  z.object({ type: z.literal("function"), function: z.object({ name: toolName }) }),
]);

const optionalNumber = (min: number, max: number) => z.number().min(min).max(max).nullish();

/** Common generation settings of both APIs, after mapping their names. */
const common = {
  model: z.string().min(1, "Name a model: one of GET /v1/models.").max(512),
  stream: z.boolean().nullish(),
  temperature: optionalNumber(0, 2),
  top_p: optionalNumber(0, 1),
  user: z.string().max(512).optional(),
  store: z.boolean().nullish(),
  metadata: z.record(z.string(), z.string()).nullish(),
};

export const chatCompletionRequestSchema = z.object({
  ...common,
  messages: z.array(chatMessageSchema).min(1, "Send at least one message.").max(2000, "At most 2,000 messages."),
  max_tokens: z.number().int().min(1).nullish(),
  max_completion_tokens: z.number().int().min(1).nullish(),
  stop: z.union([z.string(), z.array(z.string()).max(4, "At most 4 stop sequences.")]).nullish(),
  tools: z.array(chatToolSchema).max(128, "At most 128 tools.").optional(),
  tool_choice: toolChoice.optional(),
  parallel_tool_calls: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).nullish(),
  presence_penalty: optionalNumber(-2, 2),
  frequency_penalty: optionalNumber(-2, 2),
  seed: z.number().int().nullish(),
  n: z.literal(1, "Switchboard answers with one choice: leave n out or set it to 1.").nullish(),
});
export type ChatCompletionRequest = z.infer<typeof chatCompletionRequestSchema>;

// --- Responses API --------------------------------------------------------------------------

const inputText = z.object({ type: z.literal("input_text"), text });
const outputText = z.object({ type: z.literal("output_text"), text, annotations: z.array(z.unknown()).optional() });
const inputImage = z.object({ type: z.literal("input_image"), image_url: z.string().max(20_000_000), detail: z.string().optional() });

const inputMessage = z.object({
  type: z.literal("message").optional(),
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([text, z.array(z.union([inputText, outputText, inputImage, refusalPart]))]),
  id: z.string().optional(),
  status: z.string().optional(),
});
const functionCallItem = z.object({
  type: z.literal("function_call"),
  call_id: z.string().min(1),
  name: z.string().min(1),
  arguments: z.string(),
  id: z.string().optional(),
  status: z.string().optional(),
});
const functionCallOutputItem = z.object({
  type: z.literal("function_call_output"),
  call_id: z.string().min(1),
  output: z.union([text, z.array(inputText)]),
  id: z.string().optional(),
});
export const responseInputItemSchema = z.union([functionCallItem, functionCallOutputItem, inputMessage]);
export type ResponseInputItem = z.infer<typeof responseInputItemSchema>;

export const responseToolSchema = z.object({
  type: z.literal("function"),
  name: toolName,
  description: z.string().max(8192).nullish(),
  parameters: jsonObject.nullish(),
  strict: z.boolean().nullish(),
});

export const responsesRequestSchema = z.object({
  ...common,
  input: z.union([text, z.array(responseInputItemSchema).min(1).max(2000)]),
  instructions: z.string().max(200_000).nullish(),
  max_output_tokens: z.number().int().min(1).nullish(),
  tools: z.array(responseToolSchema).max(128, "At most 128 tools.").optional(),
  tool_choice: z.union([z.enum(["none", "auto", "required"]), z.object({ type: z.literal("function"), name: toolName })]).optional(),
  parallel_tool_calls: z.boolean().nullish(),
  previous_response_id: z
    .null()
    .optional()
    .or(z.string().refine(() => false, "Switchboard does not keep responses: send the whole conversation in `input` instead of previous_response_id.")),
});
export type ResponsesRequest = z.infer<typeof responsesRequestSchema>;
