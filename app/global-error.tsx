"use client";
// When the root layout itself fails, this replaces it, so it brings its own <html> and <body>.
import { AppError } from "@/components/app/app-error";
import "./globals.css";

export default function GlobalError({ reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans">
        <AppError reset={reset} />
      </body>
    </html>
  );
}
