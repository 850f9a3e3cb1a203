// Directives a test writes into its message to make the fake model misbehave on purpose:
//   [[tool:NAME {"json":"args"}]]   answer with a streamed call of tool NAME with those arguments
//   [[status:500]]                   that HTTP status (OpenAI-style error body) before any byte
//   [[status:429 retry-after=1]]     a 429 with a Retry-After header
//   [[status:429-once]]              429 the first time this exact message is seen, then succeed
//   [[status:500-once]]              likewise with a 500
//   [[status:500x3]]                 500 for the first 3 requests carrying this exact message
//   [[drop:3]]                       stream 3 content chunks, then cut the connection (also when the
//                                    reply has fewer chunks: the stream never finishes)
//   [[stall]]                        send the first chunk, then nothing until the client goes away
//   [[stall:3]]                      send 3 content chunks, then nothing until the client goes away
//                                    (a model that stops mid-answer; fewer chunks: it never finishes)
//   [[malformed]]                    a chunk that is not valid JSON after the first content chunk
//   [[slow:50]]                      50 ms before each content chunk
//   [[reply:TEXT]]                   reply exactly TEXT (still in chunks); must be the last directive
//   [[words:N]]                      reply "w1 w2 … wN"
//   [[no-usage]]                     never send usage, even when asked for
// Directives are removed from the text that is echoed back. "Content chunks" are text deltas, or the
// argument fragments of a tool call. Without streaming, drop closes the socket before any byte,
// stall never answers, and malformed sends half a JSON body.
export type Directives = {
  tool?: { name: string; args: string };
  status?: number;
  retryAfter?: number;
  statusOnce?: number;
  /** How many requests with this message fail with statusOnce (default 1). */
  statusTimes?: number;
  drop?: number;
  /** Content chunks sent before the stream goes silent. */
  stall?: number;
  malformed?: boolean;
  slowMs?: number;
  reply?: string;
  words?: number;
  noUsage?: boolean;
};

const PATTERN = /\[\[(tool|status|drop|stall|malformed|slow|reply|words|no-usage)(?::([\s\S]*?))?\]\](?!\])/g;

export function parseDirectives(text: string): { directives: Directives; rest: string } {
  const directives: Directives = {};
  const rest = text
    .replace(PATTERN, (_match, name: string, arg: string | undefined) => {
      const value = arg?.trim() ?? "";
      switch (name) {
        case "tool": {
          const space = value.indexOf(" ");
          directives.tool = space === -1 ? { name: value, args: "{}" } : { name: value.slice(0, space), args: value.slice(space + 1).trim() };
          break;
        }
        case "status": {
          const [code, ...options] = value.split(/\s+/);
          const times = /^(\d+)x(\d+)$/.exec(code ?? "");
          if (code?.endsWith("-once")) directives.statusOnce = Number(code.slice(0, -5));
          else if (times) {
            directives.statusOnce = Number(times[1]);
            directives.statusTimes = Number(times[2]);
          } else directives.status = Number(code);
          for (const option of options) {
            const [key, val] = option.split("=");
            if (key === "retry-after") directives.retryAfter = Number(val);
          }
          break;
        }
        case "drop":
          directives.drop = Number(value || 1);
          break;
        case "stall":
          directives.stall = Number(value || 1);
          break;
        case "malformed":
          directives.malformed = true;
          break;
        case "slow":
          directives.slowMs = Number(value || 20);
          break;
        case "reply":
          directives.reply = arg ?? "";
          break;
        case "words":
          directives.words = Number(value);
          break;
        case "no-usage":
          directives.noUsage = true;
          break;
      }
      return "";
    })
    .replace(/\s+/g, " ")
    .trim();
  return { directives, rest };
}

/** Splits a reply into word-sized chunks that keep their spaces, so streaming arrives in visible parts. */
export function chunkText(text: string): string[] {
  return text.match(/\S+\s*|\s+/g) ?? [];
}

export function replyText(prefix: string, text: string, directives: Directives): string {
  if (directives.reply !== undefined) return directives.reply;
  if (directives.words) return Array.from({ length: directives.words }, (_, index) => `w${index + 1}`).join(" ");
  return `${prefix ? `${prefix} ` : ""}Echo: ${text}`;
}

type JsonSchema = { type?: string | string[]; properties?: Record<string, JsonSchema>; required?: string[]; enum?: unknown[] };

/** Arguments that satisfy a tool's JSON schema, for calls forced through tool_choice. */
export function argsForSchema(schema: unknown): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  if (!schema || typeof schema !== "object") return result;
  const { properties = {}, required = [] } = schema as JsonSchema;
  for (const name of required) {
    const prop = properties[name] ?? {};
    const type = Array.isArray(prop.type) ? prop.type[0] : prop.type;
    if (prop.enum && prop.enum.length > 0) result[name] = prop.enum[0];
    else if (type === "number" || type === "integer") result[name] = 1;
    else if (type === "boolean") result[name] = true;
    else if (type === "object") result[name] = argsForSchema(prop);
    else if (type === "array") result[name] = [];
    else result[name] = "test";
  }
  return result;
}
