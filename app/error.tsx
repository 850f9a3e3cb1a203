"use client";
// Any page that fails below the root layout (a database that is away, a bug) shows this, not Next's bare page.
import { AppError } from "@/components/app/app-error";

export default function ErrorPage({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return <AppError reset={reset} />;
}
