#!/usr/bin/env bash
# The Connect image's health check: GET /connector-plugins answers 200 (lib/components.sh connect_ready does the same
# with curl; the JRE image has bash, so no curl is needed).
set -euo pipefail
exec 3<>"/dev/tcp/127.0.0.1/${CONNECT_PORT:-8083}"
printf 'GET /connector-plugins HTTP/1.0\r\nHost: localhost\r\n\r\n' >&3
IFS= read -r -t 5 status <&3
[[ $status == *" 200 "* ]]
