#!/bin/bash
# Container health check without curl (the .NET runtime images have none): GET http://127.0.0.1:<port><path> over
# bash's /dev/tcp and succeed only on a 200 answer.
#   dispatch-healthcheck <port> [path, default /health/ready]
set -u
port=${1:?usage: dispatch-healthcheck <port> [path]}
path=${2:-/health/ready}
exec 3<>"/dev/tcp/127.0.0.1/$port" || exit 1
printf 'GET %s HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n' "$path" >&3
IFS= read -r -t 5 status_line <&3 || exit 1
exec 3<&-
[[ "$status_line" == "HTTP/1."[01]" 200"* ]]
