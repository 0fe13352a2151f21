#!/usr/bin/env bash
# Prepares deploy/compose for `docker compose up`, once: random database passwords in deploy/compose/.env and the
# certificates in deploy/compose/secrets/ (deploy/make-certificates.sh, with a self-signed one for the proxy). Both
# are git-ignored; existing files are kept, so running it again changes nothing.
#   deploy/compose/make-secrets.sh [proxy host name, default localhost]
set -euo pipefail
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
secrets="$here/secrets"
bash "$here/../make-certificates.sh" "$secrets" --proxy "${1:-localhost}"
# The containers run as uid 1654 and Docker Compose mounts a file secret with the file's own owner and mode, so the
# files are readable inside; the folder (0700) keeps them from other users of this machine. The CA's key is mounted
# nowhere and stays 0600: move it off this machine once the certificates are made.
chmod 700 "$secrets"
find "$secrets" -maxdepth 1 \( -name '*.pem' -o -name '*.key' \) ! -name ca.key -exec chmod 644 {} +
if [[ ! -f "$here/.env" ]]; then
  password() { openssl rand -hex 24; }
  umask 077
  cat > "$here/.env" <<ENV
DISPATCH_DB_ADMIN_PASSWORD=$(password)
DISPATCH_DB_OWNER_PASSWORD=$(password)
DISPATCH_DB_APP_PASSWORD=$(password)
ENV
  echo "[secrets] database passwords written to $here/.env"
fi
echo "[secrets] ready: docker compose -f deploy/compose/compose.yaml up -d --build"
