#!/bin/bash
# Container health check: exit 0 when /health/ready answers 200. Uses bash's /dev/tcp, so the image
# needs neither curl nor wget.
set -u
port="${HTTP_PORT:-8080}"
{ exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null || exit 1
printf 'GET /health/ready HTTP/1.0\r\nHost: localhost\r\nConnection: close\r\n\r\n' >&3
IFS= read -r -t 5 status <&3 || exit 1
case "$status" in
    "HTTP/1."?" 200 "*) exit 0 ;;
    *) exit 1 ;;
esac
