"use client";
// Copies a text to the clipboard and says whether it worked. The clipboard needs a secure page
// (https or localhost): on plain http it fails, so every caller also shows the text to select.
import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

type Props = {
  text: string;
  /** What is copied, for screen readers: "Copy <label>". */
  label: string;
  disabled?: boolean;
};

export function CopyButton({ text, label, disabled }: Props) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2_000);
    return () => clearTimeout(timer);
  }, [state]);

  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setState("copied");
    } catch {
      setState("failed");
    }
  }

  return (
    <Button variant="secondary" className="shrink-0 px-2 py-1 text-xs" onClick={() => void copy()} disabled={disabled} aria-label={`Copy ${label}`}>
      {state === "copied" ? <Check className="size-3.5" aria-hidden /> : <Copy className="size-3.5" aria-hidden />}
      <span aria-live="polite">{state === "copied" ? "Copied" : state === "failed" ? "Select and copy it" : "Copy"}</span>
    </Button>
  );
}
