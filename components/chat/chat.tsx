"use client";
// A conversation in the browser. Only the new message (plus the conversation id and the picked
// model) is sent; the server rebuilds the history. The first answer's response names the new
// conversation, and the URL becomes /c/<id> without remounting the streaming view.
import { useChat } from "@ai-sdk/react";
import { DefaultChatTransport, isToolUIPart, lastAssistantMessageIsCompleteWithApprovalResponses } from "ai";
import { ArrowDown, RefreshCw } from "lucide-react";
import { Fragment, useRef, useState, type ReactNode } from "react";
import { useStickToBottom } from "use-stick-to-bottom";
import { newUuid } from "@/components/assistants/action-drafts";
import { chooseBranch, errorSentence, requestStop, saveModelChoice } from "@/components/chat/chat-api";
import { Composer } from "@/components/chat/composer";
import { announceTurnEnded, rememberConversation } from "@/components/chat/conversations-store";
import { EditMessage } from "@/components/chat/edit-message";
import { ActionBar, BranchSwitcher, CopyButton, EditButton, FeedbackButtons } from "@/components/chat/message-actions";
import { AssistantMessage, ErrorNotice, UserMessage, messageText, type Speaker } from "@/components/chat/message-view";
import { DEFAULT_MODEL_VALUE, ModelPicker } from "@/components/chat/model-picker";
import { useOlderMessages } from "@/components/chat/use-older-messages";
import { useSavedAnswer } from "@/components/chat/use-saved-answer";
import { Button } from "@/components/ui/button";
import { CONVERSATION_ID_HEADER, type ChatUIMessage, type ModelOption } from "@/lib/types/chat";
import { DEFAULT_TITLE, titleFromMessage } from "@/lib/utils/conversation-title";

export type ChatProps = {
  conversationId: string | null;
  title: string | null;
  /** The latest messages of the conversation, oldest first. */
  initialMessages: ChatUIMessage[];
  /** True when older messages exist than the first of initialMessages (they load on scroll). */
  hasOlder?: boolean;
  models: ModelOption[];
  /** The model picked for this conversation; null: the default at send time (resolved by the server). */
  initialModelId: string | null;
  /** Shown above the message box while the conversation is empty. */
  emptyState?: ReactNode;
  /** Shown instead of the message box when no model is usable. */
  blocked?: ReactNode;
  /** The assistant a new conversation starts with; its starters are offered while the chat is empty. */
  assistant?: { id: string; starters: string[] } | null;
  /** The assistant that answers in this conversation, named on each answer. */
  speaker?: Speaker | null;
};

/** Answers the user gave to the approval requests of the last answer (what continues it). */
function approvalAnswers(message: ChatUIMessage | undefined) {
  if (message?.role !== "assistant") return [];
  return message.parts.flatMap((part) =>
    isToolUIPart(part) && part.state === "approval-responded"
      ? [{ id: part.approval.id, approved: part.approval.approved, ...(part.approval.reason ? { reason: part.approval.reason } : {}) }]
      : [],
  );
}

export function Chat({ conversationId, title, initialMessages, hasOlder = false, models, initialModelId, emptyState, blocked, assistant, speaker }: ChatProps) {
  const idRef = useRef(conversationId);
  const assistantRef = useRef(assistant?.id ?? null);
  const titleRef = useRef(title ?? DEFAULT_TITLE);
  const modelRef = useRef(initialModelId);
  const lastErrorRef = useRef<string | null>(null);
  /** The stored question the next request replaces (Edit), with everything after it. */
  const editRef = useRef<string | null>(null);
  // The thread follows the answer while the user stays at the bottom; scrolling up lets go of it.
  const { scrollRef, contentRef, isAtBottom, scrollToBottom } = useStickToBottom({ initial: "instant", resize: "smooth" });
  const [modelId, setModelId] = useState(initialModelId);
  const [modelNotice, setModelNotice] = useState<string | null>(null);
  const [stopping, setStopping] = useState(false);
  /** Failed turns of this visit, by the id of the last message when they failed. */
  const [failures, setFailures] = useState<Record<string, string>>({});
  const [stopped, setStopped] = useState<ReadonlySet<string>>(() => new Set());

  const [transport] = useState(
    // The refs are read when a request is sent, never during render.
    // eslint-disable-next-line react-hooks/refs
    () =>
      new DefaultChatTransport<ChatUIMessage>({
        api: "/api/chat",
        prepareSendMessagesRequest: ({ messages, trigger }) => {
          // Approve / Deny: the server continues the stored answer with these answers.
          const approvals = trigger === "submit-message" ? approvalAnswers(messages.at(-1)) : [];
          if (approvals.length > 0 && idRef.current) {
            return { body: { conversationId: idRef.current, approvals, modelId: modelRef.current ?? undefined } };
          }
          const lastUser = messages.findLast((message) => message.role === "user");
          const editMessageId = trigger === "submit-message" ? (editRef.current ?? undefined) : undefined;
          editRef.current = null;
          return {
            body: {
              conversationId: idRef.current ?? undefined,
              message: { id: lastUser?.id, text: lastUser ? messageText(lastUser) : "" },
              modelId: modelRef.current ?? undefined,
              // Only a new conversation names its assistant; the server keeps it from then on.
              assistantId: idRef.current ? undefined : (assistantRef.current ?? undefined),
              regenerate: trigger === "regenerate-message" ? true : undefined,
              editMessageId,
            },
          };
        },
        fetch: async (input, init) => {
          const res = await fetch(input, init);
          const id = res.headers.get(CONVERSATION_ID_HEADER);
          if (res.ok && id) {
            if (idRef.current !== id) {
              idRef.current = id;
              // replaceState, not router navigation: the streaming view must not remount.
              window.history.replaceState(null, "", `/c/${id}`);
            }
            rememberConversation({ id, title: titleRef.current, modelId: modelRef.current, lastMessageAt: new Date().toISOString() });
          }
          return res;
        },
      }),
  );

  const [editingId, setEditingId] = useState<string | null>(null);

  const { messages, setMessages, sendMessage, regenerate, stop, status, addToolApprovalResponse } = useChat<ChatUIMessage>({
    messages: initialMessages,
    transport,
    // The browser's id is the stored message's id: Edit and Copy find a message by it, and a
    // retried send is recognised.
    generateId: newUuid,
    // Once every pending call of the last answer is approved or denied, the answer goes on.
    sendAutomaticallyWhen: lastAssistantMessageIsCompleteWithApprovalResponses,
    onError: (error) => {
      lastErrorRef.current = errorSentence(error);
    },
    onFinish: ({ messages: all, isAbort, isError }) => {
      const last = all.at(-1);
      if (!last) return;
      if (isError) {
        const sentence = lastErrorRef.current ?? "The answer failed. Try again.";
        setFailures((previous) => ({ ...previous, [last.id]: sentence }));
      } else if (isAbort && last.role === "assistant") {
        setStopped((previous) => new Set(previous).add(last.id));
      }
      // The sidebar reloads: activity order, and after a first answer the title generated for it.
      if (idRef.current) {
        const answers = all.filter((message) => message.role === "assistant").length;
        announceTurnEnded({ conversationId: idRef.current, firstAnswer: !isError && !isAbort && answers === 1 });
      }
    },
  });

  const busy = status === "submitted" || status === "streaming";
  const lastMessage = messages.at(-1);
  // An answer being written on the server that this page is not receiving (opened mid-answer):
  // Stop works, what the server would refuse is disabled, and the page updates once it is saved.
  const elsewhereId = !busy && lastMessage?.role === "assistant" && lastMessage.metadata?.status === "streaming" ? lastMessage.id : null;
  const locked = busy || elsewhereId !== null;
  useSavedAnswer({ conversationId: idRef, waitingId: elsewhereId, setMessages });
  const older = useOlderMessages({ conversationId: idRef, messages, setMessages, scrollElement: () => scrollRef.current, initialHasOlder: hasOlder });

  function clearFailure(id: string | undefined) {
    if (!id) return;
    setFailures(({ [id]: _removed, ...rest }) => rest);
  }

  function send(text: string): boolean {
    if (locked || blocked) return false;
    if (!idRef.current) titleRef.current = titleFromMessage(text);
    void sendMessage({ text });
    // A new question brings the view back to the bottom, where its answer appears.
    void scrollToBottom();
    return true;
  }

  /**
   * Asks an edited question as a new version of a stored one: the server keeps the old question and
   * its answers (reachable with the "‹ 2/2 ›" switcher) and shows the new branch.
   */
  async function resend(index: number, text: string): Promise<string | null> {
    if (locked || blocked) return "Wait for the answer to finish first.";
    const edited = messages[index];
    if (!edited || !idRef.current) return "This message could not be found on the server. Reload the page and try again.";
    editRef.current = edited.id;
    setEditingId(null);
    setFailures({});
    setMessages(messages.slice(0, index));
    const id = newUuid();
    const versions = [...(edited.metadata?.siblingIds ?? [edited.id]), id];
    void sendMessage({ id, role: "user", parts: [{ type: "text", text }], metadata: { status: "complete", siblingIds: versions } });
    return null;
  }

  /** Shows another version of a question or an answer; the server remembers the choice. */
  async function switchBranch(messageId: string) {
    if (busy || !idRef.current) return;
    const result = await chooseBranch(idRef.current, messageId);
    if ("error" in result) {
      setModelNotice(result.error);
      return;
    }
    setModelNotice(null);
    setFailures({});
    setEditingId(null);
    setMessages(result.messages);
  }

  function retry() {
    if (locked) return;
    clearFailure(lastMessage?.id);
    void regenerate();
  }

  async function stopAnswer() {
    const answering = lastMessage?.role === "assistant" ? lastMessage.id : null;
    setStopping(true);
    try {
      // The server aborts the upstream request and saves the partial answer; then the local stream ends.
      if (idRef.current) await requestStop(idRef.current);
      await stop();
      if (answering) setStopped((previous) => new Set(previous).add(answering));
    } finally {
      setStopping(false);
    }
  }

  async function pickModel(value: string) {
    const id = value === DEFAULT_MODEL_VALUE ? null : value;
    setModelId(id);
    modelRef.current = id;
    setModelNotice(idRef.current ? await saveModelChoice(idRef.current, id) : null);
  }

  const lastAnswer = messages.findLast((message) => message.role === "assistant");
  const answeredBy = lastAnswer?.metadata?.modelName ?? null;

  function failureOf(message: ChatUIMessage): string | null {
    const live = failures[message.id];
    if (live) return live;
    return message.role === "assistant" && message.metadata?.status === "error" ? (message.metadata.error ?? "The answer failed.") : null;
  }

  return (
    <div className="flex h-full flex-col">
      {models.length > 0 ? (
        <div className="flex flex-wrap items-center gap-2 border-b border-zinc-200 px-3 py-2 sm:px-4 dark:border-zinc-800">
          <ModelPicker models={models} value={modelId ?? DEFAULT_MODEL_VALUE} disabled={locked} onChange={(id) => void pickModel(id)} answeredBy={answeredBy} />
          {modelNotice ? (
            <span role="alert" className="text-sm text-red-600 dark:text-red-400">
              {modelNotice}
            </span>
          ) : null}
        </div>
      ) : null}
      <div className="relative min-h-0 flex-1">
      <div ref={scrollRef} className="h-full overflow-y-auto" data-testid="chat-scroll" onScroll={older.onScroll}>
        <div ref={contentRef} className="mx-auto flex w-full max-w-3xl flex-col gap-6 px-3 py-6 sm:px-4">
          {older.hasOlder ? (
            <div className="flex flex-col items-center gap-2">
              <Button variant="ghost" onClick={() => void older.loadOlder()} disabled={older.loading} className="text-xs">
                {older.loading ? "Loading earlier messages…" : "Load earlier messages"}
              </Button>
              {older.error ? (
                <p role="alert" className="text-sm text-red-600 dark:text-red-400">
                  {older.error}
                </p>
              ) : null}
            </div>
          ) : null}
          {messages.length === 0 ? emptyState : null}
          {messages.length === 0 && assistant && assistant.starters.length > 0 && !blocked ? (
            <div className="grid gap-2 sm:grid-cols-2" aria-label="Conversation starters">
              {assistant.starters.map((starter) => (
                <button
                  key={starter}
                  type="button"
                  onClick={() => send(starter)}
                  disabled={busy}
                  className="rounded-lg border border-zinc-200 p-3 text-left text-sm hover:bg-zinc-50 disabled:opacity-50 dark:border-zinc-800 dark:hover:bg-zinc-900"
                >
                  {starter}
                </button>
              ))}
            </div>
          ) : null}
          {messages.map((message, index) => {
            const isLast = message.id === lastMessage?.id;
            const failure = failureOf(message);
            const retryNotice = failure ? <ErrorNotice sentence={failure} onRetry={retry} canRetry={isLast && !locked && !blocked} /> : null;
            if (message.role === "user") {
              const text = messageText(message);
              return (
                <div key={message.id} className="flex flex-col gap-6">
                  {editingId === message.id ? (
                    <EditMessage initialText={text} onSend={(edited) => resend(index, edited)} onCancel={() => setEditingId(null)} />
                  ) : (
                    <UserMessage
                      message={message}
                      actions={
                        <ActionBar align="end">
                          <BranchSwitcher ids={message.metadata?.siblingIds} current={message.id} onSelect={(id) => void switchBranch(id)} disabled={busy} />
                          <CopyButton text={text} />
                          {!blocked ? <EditButton onClick={() => setEditingId(message.id)} disabled={locked} /> : null}
                        </ActionBar>
                      }
                    />
                  )}
                  {retryNotice && isLast ? <AssistantMessage message={null} streaming={false} error={retryNotice} /> : null}
                </div>
              );
            }
            const streaming = isLast && busy;
            const wasStopped = stopped.has(message.id) || message.metadata?.status === "stopped";
            const canRegenerate = isLast && !locked && !failure && !blocked;
            const answerText = messageText(message);
            const omitted = message.metadata?.omittedMessages ?? 0;
            return (
              <Fragment key={message.id}>
              {omitted > 0 ? (
                <p role="note" className="text-center text-xs text-zinc-500" data-testid="omitted-note">
                  {omitted === 1 ? "1 earlier message was" : `${omitted.toLocaleString("en")} earlier messages were`} not sent to the model with this
                  question: they don&apos;t fit its context window.
                </p>
              ) : null}
              <AssistantMessage
                message={message}
                streaming={streaming}
                speaker={speaker}
                onApproval={
                  isLast && !locked && !blocked
                    ? (id, approved) => {
                        clearFailure(message.id);
                        void addToolApprovalResponse({ id, approved });
                      }
                    : undefined
                }
                note={
                  wasStopped
                    ? "Stopped"
                    : message.metadata?.status === "interrupted"
                      ? "Interrupted: the server stopped before this answer was finished"
                      : message.metadata?.status === "streaming" && !streaming
                        ? "Still being written on the server: it appears here once it is saved"
                        : null
                }
                error={retryNotice}
                actions={
                  streaming ? null : (
                    <ActionBar>
                      <BranchSwitcher ids={message.metadata?.siblingIds} current={message.id} onSelect={(id) => void switchBranch(id)} disabled={busy} />
                      {answerText ? <CopyButton text={answerText} /> : null}
                      {answerText ? <FeedbackButtons messageId={message.id} initial={message.metadata?.feedback ?? null} /> : null}
                      {canRegenerate ? (
                        <Button variant="ghost" onClick={retry} className="px-2 py-1 text-xs">
                          <RefreshCw className="size-3.5" aria-hidden />
                          Regenerate
                        </Button>
                      ) : null}
                    </ActionBar>
                  )
                }
              />
              </Fragment>
            );
          })}
          {status === "submitted" && lastMessage?.role === "user" ? <AssistantMessage message={null} streaming speaker={speaker} /> : null}
        </div>
      </div>
        {!isAtBottom && messages.length > 0 ? (
          <Button variant="secondary" onClick={() => void scrollToBottom()} className="absolute bottom-3 left-1/2 -translate-x-1/2 rounded-full shadow-md">
            <ArrowDown className="size-4" aria-hidden />
            Jump to latest
          </Button>
        ) : null}
      </div>
      {blocked ?? <Composer busy={locked} stopping={stopping} onSend={send} onStop={() => void stopAnswer()} />}
    </div>
  );
}
