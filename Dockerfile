# syntax=docker/dockerfile:1
# Switchboard's container image: install -> build (Next's standalone output) -> slim runtime.
# The runtime runs as an unprivileged user on a read-only filesystem (only /tmp and /app/.next/cache
# need to be writable), applies pending migrations on start behind a PostgreSQL advisory lock (so
# replicas that start together migrate once), then serves on $PORT (3000).
#
# The base image is a build argument: registries are not reachable everywhere this is built, and
# deploy/image/test.sh builds from a locally bootstrapped Debian with Node 24 instead.
#   docker build -t switchboard .
#   podman build --isolation chroot --build-arg BASE_IMAGE=localhost/my-node24 -t switchboard .
ARG BASE_IMAGE=node:24-bookworm-slim

# ---- deps: node_modules from the lockfile alone, so source edits reuse this layer
FROM ${BASE_IMAGE} AS deps
WORKDIR /src
ENV NEXT_TELEMETRY_DISABLED=1 CHECKPOINT_DISABLE=1
COPY package.json package-lock.json ./
# Scripts run later with the sources present (postinstall generates the Prisma client from them).
RUN npm ci --ignore-scripts --no-audit --no-fund

# ---- build: Prisma client, Next's standalone server, the bundled entrypoint
FROM deps AS build
# next.config.ts: output "standalone" only for the image.
ENV NEXT_OUTPUT_STANDALONE=1
COPY . .
RUN npm run db:generate \
 && npm run build \
 && npm run build:container -- .next/standalone/start.mjs

# ---- runtime
FROM ${BASE_IMAGE} AS runtime
ENV NODE_ENV=production \
    NEXT_TELEMETRY_DISABLED=1 \
    PORT=3000 \
    HOSTNAME=0.0.0.0
WORKDIR /app
# Owned by root and not writable by the app's user: the code cannot be changed by the process running it.
COPY --from=build /src/.next/standalone ./
COPY --from=build /src/.next/static ./.next/static
COPY --from=build /src/public ./public
# The entrypoint applies these; readiness compares them with _prisma_migrations.
COPY --from=build /src/prisma/migrations ./prisma/migrations
# The migration engine (WebAssembly) is loaded from node_modules by the entrypoint bundle.
COPY --from=build /src/node_modules/@prisma/schema-engine-wasm ./node_modules/@prisma/schema-engine-wasm
# Next's cache is the one path the server writes to; Kubernetes mounts an emptyDir over it.
RUN mkdir -p .next/cache && chown 10001:10001 .next/cache
# Numeric, so Kubernetes' runAsNonRoot can verify it without an /etc/passwd entry.
USER 10001:10001
EXPOSE 3000
HEALTHCHECK --interval=15s --timeout=3s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch(`http://127.0.0.1:${process.env.PORT || 3000}/api/health/live`).then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
ENTRYPOINT ["node", "start.mjs"]
