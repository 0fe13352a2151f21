#!/usr/bin/env bash
# Installs what the web UI needs from Debian's packages when it is missing (needs root, like pg.sh):
#   ui-tools.sh node       Node.js and npm: the build fetches the UI's front-end packages with npm ci
#   ui-tools.sh chromium   Chromium at /usr/bin/chromium (and CJK fonts): the browser tests drive it
set -euo pipefail

log() { echo "[ui-tools] $*" >&2; }

apt_install() {
  if [[ $(id -u) -ne 0 ]]; then
    log "missing: $*; install these Debian packages (needs root)"
    exit 1
  fi
  log "installing $* from Debian packages"
  DEBIAN_FRONTEND=noninteractive apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$@" >&2
}

case "${1:-}" in
  node)
    if ! command -v npm >/dev/null; then
      if command -v node >/dev/null; then apt_install npm; else apt_install nodejs npm; fi
    fi
    ;;
  chromium)
    [[ -x /usr/bin/chromium ]] || apt_install chromium fonts-noto-cjk
    ;;
  *)
    echo "usage: $0 node|chromium" >&2
    exit 2
    ;;
esac
