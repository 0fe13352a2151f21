#!/usr/bin/env bash
# Makes, once and only where missing, the certificates of one installation in <folder> with openssl:
#   ca.pem + ca.key                     the installation's private CA (ECDSA P-256, ten years)
#   node.pem + node.key                 one node certificate for every silo and web instance (serverAuth, clientAuth)
#   dataprotection.pem + .key           RSA 2048: encrypts the web app's data-protection key ring at rest
#   proxy.pem + proxy.key               (only with --proxy <host name>) a self-signed TLS certificate for the reverse proxy
# Keys are 0600, the folder 0700. Used by deploy/run.sh and for deploy/compose (deploy/compose/make-secrets.sh).
#   deploy/make-certificates.sh <folder> [--proxy <host name>]
set -euo pipefail

dir=${1:?usage: make-certificates.sh <folder> [--proxy <host name>]}
proxy_host=""
if [[ "${2:-}" == "--proxy" ]]; then proxy_host=${3:?--proxy needs a host name}; fi

say() { echo "[certificates] $*"; }
command -v openssl >/dev/null || {
  [[ $(id -u) -eq 0 ]] || { say "openssl is missing; install the Debian package 'openssl'" >&2; exit 1; }
  say "installing openssl"; apt-get update -qq && apt-get install -y -qq openssl >/dev/null
}
mkdir -p "$dir" && chmod 700 "$dir"
quiet=(-batch)
if [[ ! -f "$dir/ca.pem" || ! -f "$dir/ca.key" ]]; then
  say "making a private CA for this installation in $dir"
  rm -f "$dir/node.pem" "$dir/node.key"
  openssl req "${quiet[@]}" -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 3650 \
    -keyout "$dir/ca.key" -out "$dir/ca.pem" -subj "/CN=12385 dispatch local CA" \
    -addext "basicConstraints=critical,CA:TRUE,pathlen:0" -addext "keyUsage=critical,keyCertSign,cRLSign" 2>/dev/null
fi
if [[ ! -f "$dir/node.pem" || ! -f "$dir/node.key" ]]; then
  say "making the node certificate (silos and web app) in $dir"
  openssl req "${quiet[@]}" -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes \
    -keyout "$dir/node.key" -out "$dir/node.csr" -subj "/CN=dispatch-node" 2>/dev/null
  openssl x509 -req -in "$dir/node.csr" -CA "$dir/ca.pem" -CAkey "$dir/ca.key" -CAcreateserial -CAserial "$dir/ca.srl" \
    -days 825 -out "$dir/node.pem" -extfile <(printf '%s\n' "basicConstraints=critical,CA:FALSE" \
      "keyUsage=critical,digitalSignature" "extendedKeyUsage=serverAuth,clientAuth" "subjectAltName=DNS:localhost,IP:127.0.0.1") 2>/dev/null
  rm -f "$dir/node.csr"
fi
if [[ ! -f "$dir/dataprotection.pem" || ! -f "$dir/dataprotection.key" ]]; then
  say "making the key-encryption certificate for the data-protection keys in $dir"
  openssl req "${quiet[@]}" -x509 -new -newkey rsa:2048 -nodes -days 3650 -keyout "$dir/dataprotection.key" \
    -out "$dir/dataprotection.pem" -subj "/CN=12385 dispatch data protection" 2>/dev/null
fi
if [[ -n "$proxy_host" && ( ! -f "$dir/proxy.pem" || ! -f "$dir/proxy.key" ) ]]; then
  say "making a self-signed TLS certificate for the reverse proxy ($proxy_host) in $dir; replace it with one your users trust"
  openssl req "${quiet[@]}" -x509 -new -newkey ec -pkeyopt ec_paramgen_curve:P-256 -nodes -days 825 \
    -keyout "$dir/proxy.key" -out "$dir/proxy.pem" -subj "/CN=$proxy_host" \
    -addext "subjectAltName=DNS:$proxy_host" -addext "extendedKeyUsage=serverAuth" 2>/dev/null
fi
chmod 600 "$dir"/*.key
