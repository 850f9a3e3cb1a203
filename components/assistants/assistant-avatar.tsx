import type { AssistantConfig } from "@/lib/schemas/assistants";
import { cn } from "@/lib/utils/cn";

/** An assistant's emoji or uploaded image: the app's own avatar URL, or (in the builder) the data: URL the server validates; never a remote URL. */
export function AssistantAvatar({ avatar, size = "md" }: { avatar: AssistantConfig["avatar"]; size?: "sm" | "md" | "lg" }) {
  const box = size === "lg" ? "size-14 text-3xl" : size === "sm" ? "size-6 text-sm" : "size-10 text-xl";
  if (avatar.type === "image") {
    // eslint-disable-next-line @next/next/no-img-element -- a validated data: URL, not an optimisable remote image
    return <img src={avatar.value} alt="" className={cn("shrink-0 rounded-full object-cover", box)} />;
  }
  return (
    <span aria-hidden className={cn("flex shrink-0 items-center justify-center rounded-full bg-zinc-100 dark:bg-zinc-800", box)}>
      {avatar.value}
    </span>
  );
}
