// `npm run bench:page-weight`: how much JavaScript the chat page makes a browser download before
// anything else, measured on the built app (`next start`, built first when the sources changed) on a
// throwaway database. Sums the gzipped size of every script the page's HTML loads or preloads.
// Options: --max-kb N (exit 1 when the new-chat page is over N KB), --verbose (list each script).
import { gzipSync } from "node:zlib";
import { log } from "@/lib/cli/run";
import { applyMigrations } from "@/lib/cli/schema-engine";
import { startTestServer } from "@/lib/cli/test-databases";
import { parseEnv } from "@/lib/env";
import { ensureBuild, signIn, startApp, type AppServer } from "./app-server";
import { seedModel, userId, withClient } from "./seed";

/**
 * Every script URL a page's HTML makes a current browser load: `<script src>` (not `nomodule` ones, the
 * legacy polyfills that only browsers without modules fetch), `<link rel=preload as=script>` and
 * `<link rel=modulepreload>`.
 */
function scriptUrls(html: string, base: string): string[] {
  const found = new Set<string>();
  for (const match of html.matchAll(/<script\b[^>]*>/gi)) {
    const src = /\bsrc="([^"]+)"/i.exec(match[0])?.[1];
    if (src && !/\bnomodule\b/i.test(match[0])) found.add(src);
  }
  for (const match of html.matchAll(/<link\b[^>]*>/gi)) {
    const tag = match[0];
    const href = /\bhref="([^"]+)"/i.exec(tag)?.[1];
    if (!href) continue;
    if (/\brel="modulepreload"/i.test(tag) || (/\brel="preload"/i.test(tag) && /\bas="script"/i.test(tag))) found.add(href);
  }
  return [...found].map((src) => new URL(src.replaceAll("&amp;", "&"), base).toString());
}

type PageWeight = { label: string; path: string; gzipBytes: number; scripts: Array<{ url: string; gzipBytes: number }> };

async function measure(app: AppServer, cookie: string, label: string, path: string): Promise<PageWeight> {
  const res = await fetch(`${app.url}${path}`, { headers: { Cookie: cookie }, redirect: "manual" });
  if (res.status !== 200) throw new Error(`${path} answered ${res.status}`);
  const html = await res.text();
  const scripts: PageWeight["scripts"] = [];
  for (const url of scriptUrls(html, app.url)) {
    const body = Buffer.from(await (await fetch(url)).arrayBuffer());
    // zlib's default level, which Next's compression also uses.
    scripts.push({ url, gzipBytes: gzipSync(body).length });
  }
  return { label, path, gzipBytes: scripts.reduce((sum, script) => sum + script.gzipBytes, 0), scripts };
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/** Two conversations: one of plain prose, one whose answer needs a table, code highlighting and math. */
async function seedConversationsFor(dbUrl: string, email: string): Promise<{ plain: string; rich: string }> {
  return withClient(dbUrl, async (client) => {
    const owner = await userId(client, email);
    const make = async (title: string, question: string, answer: string) => {
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "Conversation" (id, "userId", title, "createdAt", "updatedAt", "lastMessageAt") VALUES (gen_random_uuid(), $1, $2, now(), now(), now()) RETURNING id`,
        [owner, title],
      );
      const id = rows[0]?.id ?? "";
      for (const [offset, role, text] of [
        [0, "user", question],
        [1, "assistant", answer],
      ] as const) {
        await client.query(
          `INSERT INTO "Message" (id, "conversationId", role, parts, "searchText", status, "createdAt")
           VALUES (gen_random_uuid(), $1, $2::"MessageRole", jsonb_build_array(jsonb_build_object('type', 'text', 'text', $3::text)), $3, 'complete', now() + ($4 || ' milliseconds')::interval)`,
          [id, role, text, offset],
        );
      }
      return id;
    };
    return {
      plain: await make("Plain", "What is a haiku?", "A haiku is a short poem of three lines, with five, seven and five syllables."),
      rich: await make(
        "Rich",
        "Show me everything",
        "| a | b |\n| - | - |\n| 1 | 2 |\n\n~~old~~ new\n\n- [x] done\n\n```ts\nconst x: number = 1;\n```\n\n$$\nE = mc^2\n$$",
      ),
    };
  });
}

async function main(): Promise<void> {
  const maxAt = process.argv.indexOf("--max-kb");
  const maxKb = maxAt === -1 ? null : Number(process.argv[maxAt + 1]);
  const verbose = process.argv.includes("--verbose");
  const { DATABASE_URL } = parseEnv(process.env);
  const server = await startTestServer(DATABASE_URL, log);
  let app: AppServer | null = null;
  let over = false;
  try {
    const dbUrl = await server.createDatabase("sb_page_weight");
    await applyMigrations(dbUrl);
    await ensureBuild();
    app = await startApp(dbUrl);
    const email = "page-weight@switchboard.test";
    const cookie = await signIn(app.url, email);
    await withClient(dbUrl, (client) => seedModel(client, "http://127.0.0.1:9/v1", "Page weight", true));
    const { plain, rich } = await seedConversationsFor(dbUrl, email);

    const pages = [
      await measure(app, cookie, "new chat (/)", "/"),
      await measure(app, cookie, "conversation, plain text", `/c/${plain}`),
      await measure(app, cookie, "conversation, table + code + math", `/c/${rich}`),
    ];
    console.log(`Chat page JavaScript, gzipped (${new Date().toISOString()}):`);
    for (const page of pages) {
      console.log(`  ${page.label.padEnd(36)} ${kb(page.gzipBytes).padStart(10)}  (${page.scripts.length} scripts)`);
      if (verbose) for (const script of [...page.scripts].sort((a, b) => b.gzipBytes - a.gzipBytes)) console.log(`      ${kb(script.gzipBytes).padStart(10)}  ${new URL(script.url).pathname}`);
    }
    const first = pages[0];
    if (maxKb !== null && first && first.gzipBytes > maxKb * 1024) {
      console.log(`Over budget: ${kb(first.gzipBytes)} > ${maxKb} KB`);
      over = true;
    }
  } finally {
    await app?.stop().catch(() => {});
    await server.dispose();
  }
  process.exit(over ? 1 : 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
