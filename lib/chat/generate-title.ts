import "server-only";
// A conversation's title, asked of the model that gave its first complete answer. Until then (and
// whenever the model fails or answers junk) the title is the first words of the question.
import { generateText } from "ai";
import { describeModelError } from "@/lib/ai/errors";
import { resolveModel, type ResolvedModel } from "@/lib/ai/models";
import { endpointSecrets, getLanguageModel } from "@/lib/ai/providers";
import { replaceTitleIfUnchanged } from "@/lib/db/conversations";
import { cleanGeneratedTitle, titleFromMessage } from "@/lib/utils/conversation-title";

const INSTRUCTIONS = [
  "You name chat conversations. The user's message below is the first message of a conversation.",
  "Reply with a title for that conversation: at most six words, in the language of the message.",
  "Reply with the title only: no quotes, no full stop, no explanation. Do not answer the message.",
].join(" ");

/** The question is cut to this many characters: its start says what the conversation is about. */
const MAX_QUESTION_LENGTH = 2_000;
export const TITLE_TIMEOUT_MS = 10_000;

/** A short title for a conversation that opens with `question`; its first words when the model fails or answers junk. */
export async function generateTitle(model: ResolvedModel, question: string): Promise<string> {
  const fallback = titleFromMessage(question);
  try {
    const { text } = await generateText({
      model: getLanguageModel(model.endpoint, model.name),
      instructions: INSTRUCTIONS,
      prompt: question.slice(0, MAX_QUESTION_LENGTH),
      maxOutputTokens: 20,
      // A title is not worth waiting for: no retries by the SDK (the provider's fetch still retries
      // a 429/5xx within the timeout).
      maxRetries: 0,
      timeout: TITLE_TIMEOUT_MS,
    });
    return cleanGeneratedTitle(text) ?? fallback;
  } catch (error) {
    console.warn(`[switchboard] No title from the model, keeping the first words: ${describeModelError(error, model.endpoint, endpointSecrets(model.endpoint)).message}`);
    return fallback;
  }
}

export type TitleRequest = {
  userId: string;
  conversationId: string;
  /** The model that answered (falls back to the default when it is gone). */
  modelId: string | null;
  /** The conversation's title when the answer was saved. */
  currentTitle: string;
  /** The conversation's first question. */
  question: string;
};

/**
 * After a conversation's first complete answer: replaces the title taken from the first words
 * with a generated one, unless the user renamed the conversation (before or meanwhile). Never throws.
 */
export async function titleConversation(request: TitleRequest): Promise<void> {
  try {
    const automatic = titleFromMessage(request.question);
    if (request.currentTitle !== automatic) return;
    const model = await resolveModel(request.modelId);
    if (!model) return;
    const title = await generateTitle(model, request.question);
    if (title !== automatic) await replaceTitleIfUnchanged(request.userId, request.conversationId, automatic, title);
  } catch (error) {
    console.error("[switchboard] Could not set the conversation's title:", error);
  }
}
