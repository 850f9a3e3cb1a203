"use client";
// Model output as inert Markdown (see markdown-renderer.tsx). KaTeX's stylesheet comes from the npm
// package (no CDN) and is plain CSS loaded with the page, so a saved formula is styled from the first
// paint; KaTeX's code and Shiki are fetched only when a message needs them, and until they have
// arrived the message shows its text as it is (the boundary keeps the rest of the page on screen).
import "katex/dist/katex.min.css";
import { Suspense } from "react";
import MarkdownRenderer from "@/components/chat/markdown-renderer";

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Suspense fallback={<div className="markdown text-[0.95rem] leading-relaxed whitespace-pre-wrap break-words">{text}</div>}>
      <MarkdownRenderer text={text} streaming={streaming} />
    </Suspense>
  );
}
