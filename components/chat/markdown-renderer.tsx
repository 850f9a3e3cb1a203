"use client";
// The Markdown renderer proper (streamdown), used by markdown.tsx inside a Suspense boundary.
// GitHub-flavoured Markdown (streamdown's default remark plugins) is kept and extended, never replaced:
// raw HTML is shown as text (never parsed into elements), links go through rehype-harden (no
// javascript:/data:/file:, only safe protocols) and streamdown's confirm-before-open, and images are
// never loaded. Code highlighting and math are fetched the first time a message needs them.
import { use, useEffect, useMemo, useReducer } from "react";
import { harden } from "rehype-harden";
import { Streamdown, defaultRehypePlugins, defaultRemarkPlugins, type StreamdownProps } from "streamdown";
import { loadRenderers, loadedRenderers, partialRenderers, type Needs, type Renderers } from "@/components/chat/markdown-plugins";
import { markdownNeeds, normalizeMathDelimiters } from "@/lib/markdown/math-delimiters";

type PluggableList = NonNullable<StreamdownProps["rehypePlugins"]>;

type Node = { type: string; children?: Node[] };

/** remark plugin: turns raw HTML nodes into plain text, so they render literally. */
function rawHtmlAsText() {
  return (tree: Node) => {
    const visit = (node: Node) => {
      if (node.type === "html") node.type = "text";
      node.children?.forEach(visit);
    };
    visit(tree);
  };
}

// Streamdown's defaults (remark-gfm and its code-meta plugin), then ours: passing remarkPlugins replaces them.
const remarkPlugins: PluggableList = [...Object.values(defaultRemarkPlugins), rawHtmlAsText];

const sanitize = defaultRehypePlugins.sanitize;

// Not streamdown's default rehype-raw: raw HTML never becomes elements. KaTeX's plugin runs after these.
const rehypePlugins: PluggableList = [
  ...(sanitize ? [sanitize] : []),
  [
    harden,
    {
      // Any http(s)/mailto link (harden always refuses javascript:, data:, file: and vbscript:) ...
      allowedLinkPrefixes: ["*"],
      // ... but only its built-in safe protocols, not "*".
      allowedProtocols: [],
      // No image is loaded from a model's answer: a remote image is a tracking pixel or an exfiltration channel.
      allowedImagePrefixes: [],
      allowDataImages: false,
    },
  ],
];

const EMPTY: Renderers = {};

/**
 * The renderers a text needs. A saved message (and the server render) waits for them, so the first
 * paint and hydration show the finished rendering; a streaming one renders with what has loaded so far.
 */
function useRenderers(needs: Needs, streaming: boolean): Renderers | undefined {
  const [, loaded] = useReducer((count: number) => count + 1, 0);
  const ready = needs.code || needs.math ? loadedRenderers(needs) : EMPTY;
  useEffect(() => {
    if (!ready) void loadRenderers(needs).then(loaded);
  }, [ready, needs]);
  if (ready) return ready;
  return streaming ? partialRenderers(needs) : use(loadRenderers(needs));
}

export default function MarkdownRenderer({ text, streaming }: { text: string; streaming: boolean }) {
  const source = useMemo(() => normalizeMathDelimiters(text), [text]);
  const { code, math } = markdownNeeds(source);
  const needs = useMemo(() => ({ code, math }), [code, math]);
  const plugins = useRenderers(needs, streaming);
  return (
    <Streamdown
      className="markdown text-[0.95rem] leading-relaxed"
      isAnimating={streaming}
      // Healing unclosed markup (remend) is for text still arriving; on a finished answer it would add
      // closers the author never wrote (e.g. "__" after "window.__x", which then broke a math block).
      parseIncompleteMarkdown={streaming}
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      plugins={plugins}
      linkSafety={{ enabled: true }}
      controls={{ table: false, code: { copy: true, download: false }, mermaid: false, image: false }}
    >
      {source}
    </Streamdown>
  );
}
