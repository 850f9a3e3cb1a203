// Input schemas for the chat and conversation APIs, shared with the chat UI.
import { z } from "zod";
import { isStorableText, STORABLE_TEXT_ERROR } from "@/lib/schemas/storable-text";

export const MAX_MESSAGE_LENGTH = 32_000;
export const MAX_TITLE_LENGTH = 120;

/**
 * A chat turn. The browser sends only the new message: history, roles and tool results are rebuilt
 * from the database on the server.
 */
export const chatRequestSchema = z
  .object({
    conversationId: z.uuid().optional(),
    message: z
      .object({
        /**
         * The browser's UUID for the message, stored as its id: a retried request with the same id
         * starts no second turn (409 already_sent). The server makes one up when it is left out.
         */
        id: z.uuid("A message id must be a UUID.").optional(),
        text: z
          .string()
          .max(MAX_MESSAGE_LENGTH, `Messages are at most ${MAX_MESSAGE_LENGTH.toLocaleString("en")} characters.`)
          .refine((text) => text.trim().length > 0, "Write a message first."),
      })
      .optional(),
    modelId: z.uuid().optional(),
    /** Starts the new conversation with this assistant (ignored for an existing conversation). */
    assistantId: z.uuid().optional(),
    /** Re-run the last turn: a new answer beside the last one (which is kept), the user message is not repeated. */
    regenerate: z.boolean().optional(),
    /**
     * Edit an earlier question: `message` is asked as a new version of it (a sibling), which becomes
     * the branch shown; the earlier question and its answers are kept and stay reachable.
     */
    editMessageId: z.uuid().optional(),
    /**
     * Answers to the tool approval requests of the conversation's last answer, which then goes on
     * (approved calls run, denied ones are reported to the model). Sent instead of a message.
     */
    approvals: z
      .array(z.object({ id: z.string().min(1).max(200), approved: z.boolean(), reason: z.string().max(500).optional() }).strict())
      .min(1)
      .max(20)
      .optional(),
  })
  .strict()
  .refine((request) => Boolean(request.message) !== Boolean(request.approvals), { message: "Write a message first.", path: ["message"] })
  .refine((request) => !request.approvals || (request.conversationId && !request.regenerate && !request.editMessageId), {
    message: "Approvals answer the last answer of an existing conversation.",
    path: ["approvals"],
  })
  .refine((request) => !request.editMessageId || request.conversationId, { message: "Editing a message needs its conversationId.", path: ["editMessageId"] })
  .refine((request) => !(request.editMessageId && request.regenerate), { message: "Edit or regenerate, not both.", path: ["editMessageId"] });

export type ChatRequest = z.infer<typeof chatRequestSchema>;

export const conversationChangeSchema = z
  .object({
    title: z.string().trim().min(1, "Give the conversation a title.").max(MAX_TITLE_LENGTH, `Titles are at most ${MAX_TITLE_LENGTH} characters.`).optional(),
    modelId: z.uuid().nullable().optional(),
  })
  .strict()
  .refine((value) => value.title !== undefined || value.modelId !== undefined, "Send a title or a modelId.");

export type ConversationChange = z.infer<typeof conversationChangeSchema>;

/** POST /api/conversations/[id]/branch: show the branch through this message (a version of a question or an answer). */
export const branchChoiceSchema = z.object({ messageId: z.uuid("Pick a message of this conversation.") }).strict();

export type BranchChoice = z.infer<typeof branchChoiceSchema>;

export const MAX_SEARCH_LENGTH = 200;

export const conversationListQuerySchema = z.object({
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(100).optional(),
  /** Full-text search over titles and message text; blank means "no search". */
  q: z.string().trim().max(MAX_SEARCH_LENGTH, `Searches are at most ${MAX_SEARCH_LENGTH} characters.`).refine(isStorableText, STORABLE_TEXT_ERROR).optional(),
});

/** GET /api/conversations/[id]/messages: a page of messages before one (default: the latest). */
export const messagePageQuerySchema = z
  .object({
    before: z.uuid().optional(),
    limit: z.coerce.number().int().min(1).max(200).optional(),
  })
  .strict();

/** PUT /api/messages/[id]/feedback: a vote on an answer, or null to take it back. */
export const messageFeedbackSchema = z
  .object({ value: z.union([z.literal(1), z.literal(-1), z.null()]) })
  .strict();

export type MessageFeedback = z.infer<typeof messageFeedbackSchema>;
