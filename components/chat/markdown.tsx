"use client";
// Renders model output as Markdown, inertly: raw HTML is shown as text (never parsed into elements),
// links go through rehype-harden (no javascript:/data:/file:, only safe protocols) and streamdown's
// confirm-before-open, and images are never loaded (a placeholder names them instead).
import { harden } from "rehype-harden";
import { Streamdown, defaultRehypePlugins, type StreamdownProps } from "streamdown";

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

const remarkPlugins: PluggableList = [rawHtmlAsText];

const sanitize = defaultRehypePlugins.sanitize;

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

export function Markdown({ text, streaming }: { text: string; streaming: boolean }) {
  return (
    <Streamdown
      className="markdown text-[0.95rem] leading-relaxed"
      isAnimating={streaming}
      remarkPlugins={remarkPlugins}
      rehypePlugins={rehypePlugins}
      linkSafety={{ enabled: true }}
      controls={{ table: false, code: { copy: true, download: false }, mermaid: false, image: false }}
    >
      {text}
    </Streamdown>
  );
}
