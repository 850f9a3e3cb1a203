#!/bin/sh
# Runs on the host before the dev container's compose stack starts (initializeCommand): writes .env
# with fresh secrets when there is none, so compose.yaml's required variables are set. An existing
# .env is never touched.
set -eu
cd "$(dirname "$0")/.."
[ -f .env ] && exit 0

random_base64() {
  if command -v openssl >/dev/null 2>&1; then openssl rand -base64 32
  else head -c 32 /dev/urandom | base64 | tr -d '\n'; fi
}

umask 077
{
  echo "# Written by .devcontainer/init-env.sh; see .env.example for the other variables."
  echo "POSTGRES_PASSWORD=$(random_base64 | tr -dc 'A-Za-z0-9' | head -c 32)"
  echo "AUTH_SECRET=$(random_base64)"
  echo "SECRETS_KEY=$(random_base64)"
} > .env
echo "Created .env with fresh secrets."
